/** Fault-test scale: short in `pnpm test`, long with `pnpm soak` (LYNCDR_SOAK=1); LYNCDR_FAULT_SEED picks the kill points. */
export const soak = !!process.env.LYNCDR_SOAK && process.env.LYNCDR_SOAK !== '0';
export const faultSeed = Number(process.env.LYNCDR_FAULT_SEED ?? 20261203) >>> 0;
export const scale = soak
  ? { agents: Number(process.env.LYNCDR_SOAK_AGENTS ?? 50), kills: Number(process.env.LYNCDR_SOAK_KILLS ?? 20), reportsPerAgent: Number(process.env.LYNCDR_SOAK_REPORTS ?? 200) }
  : { agents: 10, kills: 3, reportsPerAgent: 30 };
