/**
 * DR readiness on the planner (docs/readiness.md): on every evaluation, the policy's verdicts and the store's newest
 * observations give each goal's readiness (packages/domain readiness); the result is kept until the next evaluation,
 * served by GET /api/readiness and fed to the evaluator as `readiness:<goal>:<arg>` status items, so every change of
 * a goal's status is recorded and alerted like a backup item's — once an agent has reported a DR fact (Backup Service,
 * CMS replication, mirror state, or a CMS export's topology): before that every goal is only "not known yet", which
 * GET /api/readiness says without filling the status table and the alerts of a deployment that does not watch its DR.
 */
import { evaluatePolicy, evaluateReadiness, readinessEntries, type AgentReach, type Evidence, type PolicyRule, type ReadinessReport } from '@lyncdr/domain';
import type { StatusEntry } from '@lyncdr/protocol';
import type { Store } from '@lyncdr/store';
import type { Topology } from '@lyncdr/topology';
import type { Judged, PolicyItem } from '../evaluator';

export interface ReadinessService {
  /**
   * Computes readiness at `at` from an evaluation's verdicts and evidence, keeps it, and returns it as status items
   * (none before a DR fact).
   */
  entries(at: Date, judged: Judged): StatusEntry[];
  /** The readiness of the newest evaluation (computed now when there was none). */
  latest(): ReadinessReport;
}

/** An observation readiness reads a DR fact from. */
function isDrFact(e: Evidence): boolean {
  const o = e.observation;
  return o.kind === 'backup-service' || o.kind === 'cms-replication' || o.kind === 'mirror-state' || (o.kind === 'export' && o.data.topology !== undefined);
}

export function createReadinessService(deps: {
  store: Store;
  now: () => Date;
  topology: () => Topology;
  items: () => PolicyItem[];
  rules: Record<string, PolicyRule>;
  /** The agents and whether each is connected now (a pool whose agents are all away is down in the live state). */
  agents?: () => readonly AgentReach[];
}): ReadinessService {
  let last: ReadinessReport | null = null;
  let watched = false;
  const compute = (at: Date, judged: Omit<Judged, 'observations'>): ReadinessReport => {
    watched = judged.evidence.some(isDrFact);
    last = evaluateReadiness(deps.topology(), { items: judged.items, judgedAt: at.toISOString(), evidence: judged.evidence, agents: deps.agents?.() ?? [], now: at });
    return last;
  };
  /** Before the first evaluation: the verdicts worked out here. */
  const judgeNow = (at: Date): Omit<Judged, 'observations'> => {
    const evidence: Evidence[] = deps.store.latestObservations().map((o) => ({
      observation: o.observation, observedAt: o.observedAt, durationMs: o.durationMs, runOk: o.runOk, lastGoodEver: o.lastGoodEver,
    }));
    return { items: evaluatePolicy({ deployment: null, items: deps.items(), evidence, rules: deps.rules, now: at }).items, evidence };
  };
  return {
    entries: (at, judged) => {
      const report = compute(at, judged);
      return watched ? readinessEntries(report) : [];
    },
    latest: () => {
      const at = deps.now();
      return last ?? compute(at, judgeNow(at));
    },
  };
}
