import { evaluatePolicy, type Evidence, type PolicyInput, type PolicyRule } from '@lyncdr/domain';
import type { Logger } from '@lyncdr/logger';
import type { StatusEntry, StatusSnapshot } from '@lyncdr/protocol';
import type { Store, StoredObservation } from '@lyncdr/store';
import type { StatusChange } from './alerts/notifier';

/** An item the policy judges: id, name and period (an InventoryItem is one). */
export type PolicyItem = PolicyInput['items'][number];

export interface Evaluator {
  /** Evaluates now, records the result and hands status changes on. */
  evaluate(): StatusSnapshot;
  /** Evaluates soon (coalesces the bursts of reports into one evaluation). */
  evaluateSoon(): void;
  latest(): StatusSnapshot;
  stop(): void;
}

/** What one evaluation judged: the policy's verdicts, the evidence and the stored observations they came from. */
export interface Judged {
  items: readonly StatusEntry[];
  evidence: readonly Evidence[];
  observations: readonly StoredObservation[];
}

const PROBE_KINDS = new Set(['backup-service', 'mirror-state', 'cms-replication']);

export function createEvaluator(deps: {
  store: Store;
  now: () => Date;
  log: Logger;
  items: () => PolicyItem[];
  deployment: () => string | null;
  rules: Record<string, PolicyRule>;
  onChanges: (changes: StatusChange[], deployment: string | null) => void;
  debounceMs?: number;
  /** Called after every evaluation (the dashboard's live updates). */
  onEvaluated?: (snapshot: StatusSnapshot, seconds: number) => void;
  /**
   * Entries judged beside the backup items at the same time (overdue drills, DR readiness), recorded and alerted like
   * them; given this evaluation's verdicts and evidence, so they need not be worked out again.
   */
  more?: (now: Date, judged: Judged) => StatusEntry[];
}): Evaluator {
  let timer: NodeJS.Timeout | null = null;
  let last: StatusSnapshot | null = null;
  let lastRun = 0;
  // Once stopped (the store is about to close), reports still draining ask for no more evaluations.
  let stopped = false;

  const evaluate = (): StatusSnapshot => {
    const started = performance.now();
    const observations = deps.store.latestObservations();
    const evidence: Evidence[] = observations.map((o) => ({
      observation: o.observation, observedAt: o.observedAt, durationMs: o.durationMs, runOk: o.runOk, lastGoodEver: o.lastGoodEver,
      recentDurationsMs: PROBE_KINDS.has(o.observation.kind) ? undefined : o.recentDurationsMs,
    }));
    lastRun = Date.now();
    const now = deps.now();
    const judged = evaluatePolicy({ deployment: deps.deployment(), items: deps.items(), evidence, rules: deps.rules, now });
    const snapshot = deps.more ? { ...judged, items: [...judged.items, ...deps.more(now, { items: judged.items, evidence, observations })] } : judged;
    const changes = deps.store.recordEvaluation(snapshot.generatedAt, snapshot.items);
    last = snapshot;
    deps.onEvaluated?.(snapshot, (performance.now() - started) / 1000);
    if (changes.length) deps.onChanges(changes, snapshot.deployment);
    return snapshot;
  };

  return {
    evaluate,
    evaluateSoon() {
      if (timer || stopped) return;
      // At most one evaluation per debounce interval, however many reports arrive.
      const wait = Math.max(0, lastRun + (deps.debounceMs ?? 1000) - Date.now());
      timer = setTimeout(() => {
        timer = null;
        try {
          evaluate();
        } catch (e) {
          deps.log.error('evaluation.failed', { error: (e as Error).message });
        }
      }, wait);
    },
    latest: () => last ?? evaluate(),
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
