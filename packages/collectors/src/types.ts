import type { Finding, Observation } from '@lyncdr/protocol';

/** Runs one script of apps/agent/scripts through PowerShell and returns the JSON it printed (the only Windows edge). */
export interface BridgeRunner {
  run(script: string, args?: Record<string, string | number | boolean>): Promise<unknown>;
}

export interface CollectorContext {
  now: () => Date;
  bridge: BridgeRunner;
  /** Progress on long work (files scanned, headers read…). */
  progress?: (message: string, done?: number, total?: number) => void;
  signal?: AbortSignal;
}

/** What one collector run produced; the agent wraps it into a protocol `report`. */
export interface CollectorRun {
  ok: boolean;
  observations: Observation[];
  findings: Finding[];
}

/** One collector per source, behind this interface; `config` is checked by the collector itself. */
export interface Collector {
  id: string;
  description: string;
  run(config: unknown, ctx: CollectorContext): Promise<CollectorRun>;
}
