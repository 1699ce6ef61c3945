/** Fault-test scale: short in `pnpm test`, long with `pnpm soak` (LYNCDR_SOAK=1); LYNCDR_FAULT_SEED picks the kill points. */
export const soak = !!process.env.LYNCDR_SOAK && process.env.LYNCDR_SOAK !== '0';
export const faultSeed = Number(process.env.LYNCDR_FAULT_SEED ?? 20261203) >>> 0;
export const scale = soak
  ? { agents: Number(process.env.LYNCDR_SOAK_AGENTS ?? 50), kills: Number(process.env.LYNCDR_SOAK_KILLS ?? 20), reportsPerAgent: Number(process.env.LYNCDR_SOAK_REPORTS ?? 200) }
  : { agents: 10, kills: 3, reportsPerAgent: 30 };

/** How long a test, and one wait inside it, may take at this scale (a soak on a busy machine is slow, not stuck). */
export const testMs = soak ? 3_600_000 : 240_000;
export const waitMs = soak ? 900_000 : 90_000;
