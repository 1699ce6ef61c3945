/**
 * plan(goal, state, topology) → Plan: pure and deterministic. Each goal is a small rule set over the operations; the
 * result is replayed through checkPlan before it is returned, so every plan the engine prints is one the checker accepts.
 */
import { LyncdrError } from '@lyncdr/errors';
import type { Topology } from '@lyncdr/topology';
import { createPlanBuilder } from './builder';
import { checkPlan } from './check-plan';
import { planCmsFailover, planConferenceContent, planDbFailover } from './goals/cms-db-goals';
import { planEdgeAssociate, planEdgeFailback, planEdgeFailover } from './goals/edge-goals';
import { planFailback, planFailover, planServe } from './goals/pool-goals';
import { planRebuild } from './goals/rebuild-goal';
import { txt } from './text';
import type { DrState, Goal, Plan, PlanStep } from './types';

export function describeGoal(g: Goal): string {
  switch (g.kind) {
    case 'failover': return `failover --pool ${g.pool}${g.planned ? ' --planned' : ''}`;
    case 'failback': return `failback --pool ${g.pool}`;
    case 'serve': return `serve --users-of ${g.usersOf} --by ${g.by}${g.planned ? ' --planned' : ''}`;
    case 'rebuild': return `rebuild --failed ${g.failed} --new-fqdn ${g.newFqdn}`;
    case 'edge-failover': return `edge-failover --pool ${g.pool}${g.federation ? ` --federation ${g.federation}` : ''}${g.to ? ` --to ${g.to}` : ''}`;
    case 'edge-failback': return `edge-failback --pool ${g.pool}`;
    case 'edge-associate': return `edge-associate --pool ${g.pool} --edge ${g.edge}`;
    case 'cms-failover': return `cms-failover${g.planned ? ' --planned' : ''}`;
    case 'db-failover': return `db-failover --pool ${g.pool} --type ${g.type}`;
    case 'restore-conference-content': return `restore-conference-content --pool ${g.pool}`;
  }
}

export function plan(goal: Goal, state: DrState, topology: Topology): Plan {
  const b = createPlanBuilder(state, topology);
  switch (goal.kind) {
    case 'failover': planFailover(b, goal.pool, goal.planned); break;
    case 'failback': planFailback(b, goal.pool); break;
    case 'serve': planServe(b, goal.usersOf, goal.by, goal.planned); break;
    case 'rebuild': planRebuild(b, goal.failed, goal.newFqdn); break;
    case 'edge-failover': planEdgeFailover(b, goal.pool, goal.federation, goal.to); break;
    case 'edge-failback': planEdgeFailback(b, goal.pool); break;
    case 'edge-associate': planEdgeAssociate(b, goal.pool, goal.edge); break;
    case 'cms-failover': planCmsFailover(b, goal.planned); break;
    case 'db-failover': planDbFailover(b, goal.pool, goal.type); break;
    case 'restore-conference-content': planConferenceContent(b, goal.pool); break;
  }
  const steps: PlanStep[] = b.drafts.map((d, i) => ({ n: i + 1, ...d }));
  const manual = steps.filter((s) => s.manual);
  if (manual.length > 0) {
    b.warn(txt('warn.manualSteps', { steps: manual.map((s) => s.n).join(', ') }));
  }
  const paired = new Set(state.pairs.flat());
  const unpaired = state.pools.filter((p) => !paired.has(p));
  if (unpaired.length > 0) {
    b.warn(unpaired.length > 10 ? txt('warn.unpairedMore', { pools: unpaired.slice(0, 10).join(', '), more: unpaired.length - 10 }) : txt('warn.unpaired', { pools: unpaired.join(', ') }));
  }
  const replayed = checkPlan(steps, state, topology);
  if (!replayed.ok) {
    const v = replayed.violation;
    throw new LyncdrError('E_INTERNAL', `generated plan fails its own check at step ${v.stepN}: ${v.rule}: ${v.message}`);
  }
  return { goal: describeGoal(goal), goalSpec: goal, steps, warnings: b.warnings, finalState: b.state };
}
