import type { BridgeRunner, Registry } from '@lyncdr/collectors';
import { LyncdrError, isLyncdrError } from '@lyncdr/errors';
import type { Report } from '@lyncdr/protocol';
import type { Logger } from './logger';

export interface Runner {
  /** Runs one collector now; a second call while it runs waits for and returns that same run (no overlap). */
  run(collectorId: string): Promise<Report>;
  running(): string[];
}

/**
 * Runs collectors into protocol `report` payloads: start and finish times and duration recorded, a collector that
 * throws becomes a failed report with a finding (never a crashed agent), and one collector never runs twice at once.
 */
export function createRunner(deps: {
  registry: Registry;
  settings: (id: string) => unknown;
  bridge: BridgeRunner;
  now: () => Date;
  logger: Logger;
}): Runner {
  const inFlight = new Map<string, Promise<Report>>();
  const execute = async (id: string): Promise<Report> => {
    const collector = deps.registry.get(id);
    const started = deps.now();
    const t0 = performance.now();
    try {
      const r = await collector.run(deps.settings(id), {
        now: deps.now,
        bridge: deps.bridge,
        progress: (message, done) => deps.logger.info(`${id}: ${message}`, done === undefined ? undefined : { done }),
      });
      return { collector: id, startedAt: started.toISOString(), finishedAt: deps.now().toISOString(), durationMs: Math.round(performance.now() - t0), ok: r.ok, observations: r.observations, findings: r.findings };
    } catch (e) {
      if (isLyncdrError(e) && e.code === 'E_COLLECTOR_UNKNOWN') throw e;
      deps.logger.error(`collector ${id} failed`, { error: (e as Error).message });
      const code = isLyncdrError(e) ? e.code : 'E_COLLECTOR_FAILED';
      return {
        collector: id,
        startedAt: started.toISOString(),
        finishedAt: deps.now().toISOString(),
        durationMs: Math.round(performance.now() - t0),
        ok: false,
        observations: [],
        findings: [{ code, message: `collector ${id} failed: ${(e as Error).message}`.slice(0, 4000), path: null, severity: 'error' }],
      };
    }
  };
  return {
    run(id) {
      if (!deps.registry.has(id)) return Promise.reject(new LyncdrError('E_COLLECTOR_UNKNOWN', `no collector named ${JSON.stringify(id)}; known: ${deps.registry.ids().join(', ')}`));
      const existing = inFlight.get(id);
      if (existing) return existing;
      const p = execute(id).finally(() => inFlight.delete(id));
      inFlight.set(id, p);
      return p;
    },
    running: () => [...inFlight.keys()],
  };
}
