/**
 * evaluateReadiness(topology, input) → for every goal readiness plans (goals.ts): the live DR state from the newest
 * facts (facts.ts), the disaster variant planned from it (`plan`; an impossible goal is blocked with the reason), the
 * plan the topology alone gives (what the printed runbook says) replayed from the live state (`checkPlan`; a step that
 * would fail now is blocked), the facts that put it at risk, the RPO exposure (the oldest of what would be lost) and
 * the RTO estimate (sum of the steps' durations), against lyncdr.yaml `targets:`. Pure.
 */
import { isLyncdrError } from '@lyncdr/errors';
import type { Topology } from '@lyncdr/topology';
import { checkPlan } from '../dr/check-plan';
import { describeGoal, plan } from '../dr/plan';
import { initialState, originalState } from '../dr/state';
import { isDown, partnerOf } from '../dr/topology-view';
import type { DrState, Plan } from '../dr/types';
import { liveFacts, type Known, type LiveFacts } from './facts';
import { readinessGoals, type ReadinessGoal } from './goals';
import { BLOCKING_CODES, type BlockerCode, type GoalReadiness, type ReadinessBlocker, type ReadinessFact, type ReadinessInput, type ReadinessReport, type ReadinessTargets } from './types';
import { blockerInEnglish } from './words';

/**
 * The live DR state: the topology's, with the Backup Service states and the Edge routes the facts give, and down the
 * pools whose agents have all been unreachable (a pool with no agent is assumed up: nothing says otherwise).
 */
export function liveState(t: Topology, facts: LiveFacts): DrState {
  const s = initialState(t);
  s.down = s.pools.filter((p) => facts.reach(p).value === 'down').sort();
  if (s.cmsActive && isDown(s, t, s.cmsActive)) s.cmsAvailable = false;
  s.nextHops = { ...facts.nextHops };
  s.federation = { ...facts.federation };
  for (const [a, b] of s.pairs) {
    s.sync[`${a}>${b}`] = facts.sync(a, b).value;
    s.sync[`${b}>${a}`] = facts.sync(b, a).value;
  }
  return s;
}

function disaster(state: DrState, t: Topology, down: string[]): DrState {
  const s = structuredClone(state);
  s.down = [...new Set([...s.down, ...down])].sort();
  if (s.cmsActive && isDown(s, t, s.cmsActive)) s.cmsAvailable = false;
  return s;
}

export function targetsFor(t: Topology, pool: string | null): ReadinessTargets | null {
  const o = t.overlay?.targets;
  if (!o) return null;
  const per = pool ? Object.entries(o.perPool).find(([k]) => k.toLowerCase() === pool.toLowerCase())?.[1] : undefined;
  const rpo = per?.rpoMinutes ?? o.rpoMinutes;
  const rto = per?.rtoMinutes ?? o.rtoMinutes;
  return rpo === null && rto === null ? null : { rpoMinutes: rpo, rtoMinutes: rto };
}

const quote = (s: string): string => (/[\s"'$`]/.test(s) ? `"${s.replace(/"/g, '\\"')}"` : s);

/** The `lyncdr plan …` line that prints the goal's disaster variant from the deployment's files. */
export function planCommand(t: Topology, g: ReadinessGoal): string {
  const files = `--topology ${quote(t.source.file)}${t.overlay?.file ? ` --overlay ${quote(t.overlay.file)}` : ''}`;
  return `lyncdr plan ${describeGoal(g.goal)} ${files} --down ${g.down.join(',')}`;
}

function blocker(code: BlockerCode, params: Record<string, unknown>, step: number | null = null): ReadinessBlocker {
  return { code, message: blockerInEnglish(code, params), step, params };
}

const stepOf = (p: Plan | null, op: string): number | null => p?.steps.find((s) => s.op?.id === op)?.n ?? null;

function evaluateGoal(t: Topology, facts: LiveFacts, live: DrState, g: ReadinessGoal): GoalReadiness {
  const blockers: ReadinessBlocker[] = [];
  const factList: ReadinessFact[] = [];
  /** What would be lost: each part's age in seconds, null when unknown. */
  const rpoParts: (number | null)[] = [];
  const add = (k: Known<unknown>): void => void factList.push(k.fact);

  let livePlan: Plan | null = null;
  const partner = g.goal.kind === 'failover' ? partnerOf(live, g.goal.pool) : null;
  if (g.goal.kind === 'failover' && !partner) {
    blockers.push(blocker('no-backup-pool', { pool: g.goal.pool }));
  } else {
    try {
      livePlan = plan(g.goal, disaster(live, t, g.down), t);
    } catch (e) {
      if (!isLyncdrError(e)) throw e;
      blockers.push(blocker('plan-impossible', { reason: e.message, error: e.code }));
    }
  }
  if (livePlan) {
    // What the printed runbook says (the topology alone), replayed from the live state.
    let printed: Plan | null = null;
    try {
      printed = plan(g.goal, disaster(initialState(t), t, g.down), t);
    } catch {
      printed = null;
    }
    const replay = printed ? checkPlan(printed.steps, disaster(live, t, g.down), t) : null;
    if (replay && !replay.ok) {
      const v = replay.violation;
      if (v.rule === 'edge-next-hop-before-pool' && g.goal.kind === 'failover') {
        const failed = g.goal.pool;
        // The Edge pools the printed plan does not move: their next hop is the failed pool now, not in the topology.
        const documented = originalState(t).nextHops;
        const edges = Object.entries(live.nextHops).filter(([e, hop]) => hop === failed && documented[e] !== failed).map(([e]) => e).sort();
        blockers.push(blocker('edge-next-hop-on-failed-pool', { edges, pool: failed, partner, step: v.stepN }, v.stepN));
      } else {
        blockers.push(blocker('step-would-fail', { step: v.stepN, rule: v.rule, reason: v.message }, v.stepN));
      }
    }
  }

  const syncFacts = (from: string, to: string): void => {
    const s = facts.sync(from, to);
    add(s);
    rpoParts.push(s.known ? s.seconds : null);
    if (!s.known || s.value === 'SteadyState' || s.value === 'FinalState') return;
    const code: BlockerCode = s.value === 'ErrorState' ? 'backup-service-error' : 'backup-service-backlog';
    blockers.push(blocker(code, { pool: from, partner: to, state: s.value, forSeconds: s.seconds }, stepOf(livePlan, 'backup-status')));
  };
  const copies = (pool: string): void => {
    const items = new Set(facts.itemIds);
    for (const fs of t.fileStores.filter((f) => f.pools.some((p) => p.toLowerCase() === pool.toLowerCase()))) {
      const id = `filestore:${fs.unc}`;
      if (items.has(id.toLowerCase())) copyPart(facts.copy(id, fs.unc));
    }
    for (const store of t.sqlStores.filter((s) => s.pools.some((p) => p.toLowerCase() === pool.toLowerCase()))) {
      const server = store.instance ? `${store.server}\\${store.instance}` : store.server;
      for (const db of store.databases) {
        const id = `sql:${db}@${server}`;
        if (items.has(id.toLowerCase())) copyPart(facts.copy(id, `${db}@${server}`));
      }
    }
  };
  const copyPart = (c: Known<number | null>): void => {
    add(c);
    rpoParts.push(c.known ? c.seconds : null);
    if (c.known && c.item && (c.item.status === 'late' || c.item.status === 'failed')) {
      blockers.push(blocker('copy-late', { item: c.item.itemId, ageSeconds: c.seconds, status: c.item.status }));
    }
  };

  // Whether the pools the goal needs answer (the backup pool must run to take the users).
  for (const p of [g.pool, partner].filter((x): x is string => x !== null)) {
    const r = facts.reach(p);
    if (r.known) factList.push(r.fact);
  }

  switch (g.goal.kind) {
    case 'failover': {
      if (partner) syncFacts(g.goal.pool, partner);
      const failed = g.goal.pool;
      copies(failed);
      factList.push(...facts.routeFacts.filter((f) => f.fact.startsWith('edgeNextHop:') && f.value === failed));
      break;
    }
    case 'cms-failover': {
      const active = live.cmsActive as string;
      const standby = partnerOf(live, active);
      if (standby) syncFacts(active, standby);
      const c = facts.cmsReplicas();
      add(c);
      rpoParts.push(c.known ? c.seconds : null);
      if (c.known && c.value.length) blockers.push(blocker('cms-replica-stale', { replicas: c.value, forSeconds: c.seconds }, stepOf(livePlan, 'cms-failover')));
      break;
    }
    case 'edge-failover': {
      const { pool: edge, federation } = g.goal;
      factList.push(...facts.routeFacts.filter((f) => f.fact === `federation:${federation ?? ''}` || f.fact === `edgeNextHop:${edge}`));
      rpoParts.push(0);
      break;
    }
    case 'db-failover': {
      const m = facts.mirror(g.goal.pool);
      add(m);
      rpoParts.push(m.known ? m.seconds : null);
      if (m.known && m.value.length) blockers.push(blocker('mirror-not-synchronized', { pool: g.goal.pool, databases: m.value }, stepOf(livePlan, 'db-failover')));
      copies(g.goal.pool);
      break;
    }
    default:
      break;
  }

  const unknown = factList.filter((f) => f.value === 'unknown').map((f) => f.fact);
  if (unknown.length) blockers.push(blocker('facts-unknown', { facts: unknown }));
  const rpoSeconds = rpoParts.some((p) => p === null) ? null : Math.max(0, ...(rpoParts as number[]));
  // The steps the reference gives a duration for; none → unknown (an Edge failover's steps have no figure).
  const timed = (livePlan?.steps ?? []).filter((s) => s.durationMinutes !== null);
  const rtoMinutes = timed.length ? timed.reduce((sum, s) => sum + (s.durationMinutes ?? 0), 0) : null;
  const targets = targetsFor(t, g.pool);
  if (targets?.rpoMinutes != null && rpoSeconds !== null && rpoSeconds > targets.rpoMinutes * 60) {
    blockers.push(blocker('rpo-over-target', { rpoSeconds, targetMinutes: targets.rpoMinutes }));
  }
  if (targets?.rtoMinutes != null && rtoMinutes !== null && rtoMinutes > targets.rtoMinutes) {
    blockers.push(blocker('rto-over-target', { rtoMinutes, targetMinutes: targets.rtoMinutes }));
  }
  const status = blockers.some((b) => BLOCKING_CODES.has(b.code)) ? 'blocked' : blockers.length ? 'at-risk' : 'ready';
  return { goal: g.goal.kind, args: g.args, status, blockers, rpoSeconds, rtoMinutes, targets, facts: factList, plan: planCommand(t, g) };
}

export function evaluateReadiness(t: Topology, input: ReadinessInput): ReadinessReport {
  const facts = liveFacts(t, input);
  const live = liveState(t, facts);
  const goals = readinessGoals(t, live).map((g) => evaluateGoal(t, facts, live, g));
  return { generatedAt: input.now.toISOString(), goals };
}

/** The status item id of a goal's readiness (`readiness:<goal>:<arg>`). */
export function readinessItemId(g: Pick<GoalReadiness, 'goal' | 'args'>): string {
  const a = g.args;
  const arg = g.goal === 'edge-failover' ? `${a.pool}/${a.federation}` : g.goal === 'db-failover' ? `${a.pool}/${a.type}` : (a.pool ?? 'global');
  return `readiness:${g.goal}:${arg}`;
}
