import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Store } from '@lyncdr/store';
import { hashToken, newToken } from '../server/agents/tokens';
import { PlannerConfig } from '../server/config';
import type { PlannerServer } from '../server/planner-server';
import { startPlanner, type StartPlannerOptions } from '../server/start-planner';

/** A real planner on port 0 over a real SQLite file in a temp folder (for tests and the benchmark). */
export interface TestPlanner {
  dir: string;
  store: Store;
  server: PlannerServer;
  url: string;
  agentUrl: string;
  addAgent(name: string, role?: 'agent' | 'read' | 'admin'): string;
  stop(): Promise<void>;
}

/**
 * `startPlanner` (what `lyncdr serve` runs) with its data in a temp folder (or `dir`), no schedules and a short
 * evaluation debounce unless the options say otherwise.
 */
export async function startTestPlanner(
  config: Partial<Record<keyof PlannerConfig, unknown>> = {},
  options: Partial<Omit<StartPlannerOptions, 'config'>> & { dir?: string } = {},
): Promise<TestPlanner> {
  const { dir: given, ...rest } = options;
  const dir = given ?? mkdtempSync(path.join(tmpdir(), 'lyncdr-planner-'));
  const cfg = PlannerConfig.parse({ port: 0, data: dir, ...config });
  let planner;
  try {
    planner = await startPlanner({ schedule: false, evaluateDebounceMs: 20, ...rest, config: cfg });
  } catch (e) {
    if (!given) rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const { store, server, url, agentUrl } = planner;
  return {
    dir, store, server, url, agentUrl,
    addAgent(name, role = 'agent') {
      const token = newToken();
      store.addToken(name, role, hashToken(token));
      return token;
    },
    async stop() {
      await planner.stop();
      if (!given) rmSync(dir, { recursive: true, force: true });
    },
  };
}
