/**
 * One step of the ABC rebuild (lync-server-2013-front-end-pool-abc-failover-procedure.md); the steps themselves are the
 * data in abc-stages.ts. Checks the order the procedure needs, applies each step's effect on the state (C built, users
 * and conference directories on C, B re-paired with C, A deleted).
 */
import type { Topology } from '@lyncdr/topology';
import { z } from 'zod';
import { commandStep, manualStep, violation } from '../draft';
import { REF } from '../refs';
import { blank, txt, type PlanText } from '../text';
import { findPool, machinesOf, sortedPair } from '../topology-view';
import type { DrState, OperationSpec, Violation } from '../types';
import { ABC_STAGES, abcStage, type AbcNames } from './abc-stages';

/** Stages that need A's users failed over to B first (ABC step 7 before step 9 and what follows from B's copy). */
const NEEDS_FAILOVER = new Set(['move-users', 'export-userdata', 'rgs-export-b']);

const args = z.strictObject({
  /** The lost pool A. */
  failed: z.string(),
  /** Its surviving partner B. */
  partner: z.string(),
  /** The replacement pool C (a new FQDN). */
  newPool: z.string(),
  /** The id of the step (abc-stages.ts); an unknown one is a violation. */
  stage: z.string(),
});

type AbcArgs = z.infer<typeof args>;

function names(args: AbcArgs): AbcNames {
  return { a: args.failed, b: args.partner, c: args.newPool };
}

function pageOf(id: string): string {
  return abcStage(id)?.page ?? '?';
}

export const abcStep: OperationSpec<AbcArgs> = {
  id: 'abc',
  ref: REF.abc,
  args,
  check(state, a, t) {
    const n = names(a);
    const stage = abcStage(a.stage);
    if (!stage) return [violation('abc-unknown-step', `unknown ABC step "${a.stage}"; known: ${ABC_STAGES.map((s) => s.id).join(', ')}`, REF.abc)];
    const out: Violation[] = [];
    const progress = state.abc[n.a];
    if (findPool(t, n.c)) out.push(violation('abc-new-fqdn', `${n.c} is already a pool of the topology; the ABC procedure rebuilds the lost pool under a new FQDN`, REF.abc));
    if (!progress) {
      const paired = state.pairs.some((p) => p.includes(n.a) && p.includes(n.b));
      if (!paired) out.push(violation('abc-not-paired', `${n.a} and ${n.b} are not paired; the ABC procedure rebuilds a pool from its paired partner`, REF.abc));
    } else if (progress.newPool !== n.c || progress.partner !== n.b) {
      out.push(violation('abc-mixed-pools', `the rebuild of ${n.a} is going to ${progress.newPool} with partner ${progress.partner}, not ${n.c}/${n.b}`, REF.abc));
    }
    const done = progress?.done ?? [];
    const missing = stage.after.filter((id) => !done.includes(id) && isRequired(id, state, t, n));
    if (missing.length > 0) {
      out.push(violation('abc-order', `ABC step ${stage.page} (${stage.id}) must come after ${missing.map((m) => `step ${pageOf(m)} (${m})`).join(', ')}`, stage.ref));
    }
    if (NEEDS_FAILOVER.has(stage.id) && state.failedOver[n.a] !== n.b) {
      out.push(violation('abc-failover-first', `ABC step 7 (Invoke-CsPoolFailOver -PoolFqdn ${n.a} -DisasterMode) must come before step ${stage.page} (${stage.id})`, REF.abc));
    }
    if (stage.id === 'import-userdata' && done.includes('start-c')) {
      out.push(violation('import-userdata-services-running', `Import-CsUserData into ${n.c} after its services started: the imported changes are not applied (REFERENCE §e.10)`, REF.abc));
    }
    return out;
  },
  apply(state, a) {
    const n = names(a);
    const id = a.stage;
    const prev = state.abc[n.a] ?? { partner: n.b, newPool: n.c, done: [] };
    let next: DrState = { ...state, abc: { ...state.abc, [n.a]: { ...prev, done: prev.done.includes(id) ? prev.done : [...prev.done, id] } } };
    if (id === 'build-c' && !next.pools.includes(n.c)) next = { ...next, pools: [...next.pools, n.c].sort() };
    if (id === 'move-conference-directory') {
      const dirs = { ...next.conferenceDirectories };
      for (const [k, v] of Object.entries(dirs)) if (v === n.a) dirs[k] = n.c;
      next = { ...next, conferenceDirectories: dirs };
    }
    if (id === 'repair') {
      const failedOver = { ...next.failedOver };
      delete failedOver[n.a];
      const pairs = next.pairs.filter((p) => !p.includes(n.a) && !p.includes(n.b));
      pairs.push(sortedPair(n.b, n.c));
      const edgeAssociations = { ...next.edgeAssociations, [n.c]: next.edgeAssociations[n.a] ?? null };
      delete edgeAssociations[n.a];
      next = { ...next, failedOver, pairs: pairs.sort((x, y) => x[0].localeCompare(y[0])), pools: next.pools.filter((p) => p !== n.a), edgeAssociations };
    }
    return next;
  },
  commands(t, a, op) {
    const n = names(a);
    const stage = abcStage(a.stage);
    if (!stage) return [];
    const on = stage.on === 'b' ? (machinesOf(t, n.b)[0] ?? n.b) : stage.on === 'c' ? n.c : null;
    const title = txt('abc.stepTitle', { title: stage.title(n), page: stage.page });
    const fields = { op, on, ref: stage.ref, check: stage.check ? stage.check(n) : null, notes: typeof stage.notes === 'function' ? stage.notes(t, n) : (stage.notes ?? []) };
    if (stage.command) {
      const blanks: PlanText[] = [];
      const line = stage.command(n, (what) => blank(blanks.push(what) - 1), t);
      return [commandStep(title, line, { ...fields, blanks, instructions: stage.instructions ? stage.instructions(n) : [] })];
    }
    return [manualStep(title, stage.instructions ? stage.instructions(n) : [], fields)];
  },
};

/** A prerequisite that does not apply to this deployment (its `when` is false) is not required. */
function isRequired(id: string, state: DrState, t: Topology, n: AbcNames): boolean {
  const s = abcStage(id);
  return !s?.when || s.when(t, state, n);
}
