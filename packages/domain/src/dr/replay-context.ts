/**
 * What the checker learns from the whole list of steps before it replays them, for steps written as commands only
 * (no `op`): the ABC rebuilds they perform (lost pool A, partner B, new FQDN C) and, during the replay, the pools
 * failed back so far. The new FQDN of a rebuild is known from the first step that names it: `Get-CsUser -Filter
 * {RegistrarPool -eq "A"} | Move-CsUser -Target C` (ABC step 9), or a move/import to an FQDN that is not a pool when
 * exactly one paired pool is lost.
 */
import type { Topology } from '@lyncdr/topology';
import { param, parsePowerShell } from './powershell';
import { findPool, isDown, partnerOf } from './topology-view';
import type { DrState, Op } from './types';

export interface Rebuild {
  a: string;
  b: string;
  c: string;
}

export interface ReplayContext {
  rebuilds: Rebuild[];
  /** Pools failed back earlier in the same list of steps. */
  failedBack: string[];
}

export const EMPTY_CONTEXT: ReplayContext = { rebuilds: [], failedBack: [] };

/** Parameters that name the pool C of an ABC rebuild (ABC steps 9–14). */
const TARGETS: Record<string, string> = {
  'move-csuser': 'Target',
  'move-csconferencedirectory': 'TargetPool',
  'move-csapplicationendpoint': 'TargetApplicationPool',
  'import-csuserdata': 'PoolFqdn',
};

const TARGET_CMDLETS = new RegExp(Object.keys(TARGETS).join('|'), 'i');

function known(state: DrState, t: Topology, fqdn: string): string | null {
  return findPool(t, fqdn)?.fqdn ?? state.pools.find((p) => p.toLowerCase() === fqdn.toLowerCase()) ?? null;
}

/** The one paired pool that is lost (down or failed over), when there is exactly one. */
function onlyLostPool(state: DrState, t: Topology): string | null {
  const lost = state.pools.filter((p) => partnerOf(state, p) && (isDown(state, t, p) || state.failedOver[p]));
  return lost.length === 1 ? lost[0]! : null;
}

export function findRebuilds(steps: { command?: string | null; op?: Op | null }[], state: DrState, t: Topology): Rebuild[] {
  const out: Rebuild[] = [];
  const add = (a: string, c: string): void => {
    const b = partnerOf(state, a);
    if (b && !out.some((r) => r.a === a)) out.push({ a, b, c });
  };
  for (const step of steps) {
    if (step.op) {
      const { id, args } = step.op;
      if (id === 'abc' && typeof args.failed === 'string' && typeof args.newPool === 'string') add(args.failed, args.newPool);
      continue;
    }
    if (!step.command || !TARGET_CMDLETS.test(step.command)) continue;
    let from: string | null = null;
    for (const cmd of parsePowerShell(step.command)) {
      const filter = /RegistrarPool\s+-eq\s+["']?([^"'}\s]+)/i.exec(param(cmd, 'Filter'));
      if (filter) from = known(state, t, filter[1]!);
      const key = TARGETS[cmd.name.toLowerCase()];
      const target = key ? param(cmd, key) : '';
      if (!target || /^</.test(target) || known(state, t, target) || out.some((r) => r.c.toLowerCase() === target.toLowerCase())) continue;
      const a = cmd.name.toLowerCase() === 'move-csuser' && from ? from : onlyLostPool(state, t);
      if (a) add(a, target);
    }
  }
  return out;
}
