import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSqliteStore, type Store } from '@lyncdr/store';
import { PlannerConfig } from './config';
import { createPlannerServer, type PlannerServer, type PlannerServerOptions } from './planner-server';
import { hashToken, newToken } from './agents/tokens';

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

export async function startTestPlanner(
  config: Partial<Record<keyof PlannerConfig, unknown>> = {},
  options: Partial<PlannerServerOptions> & { dir?: string } = {},
): Promise<TestPlanner> {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'lyncdr-planner-'));
  const store = createSqliteStore({ file: path.join(dir, 'planner.sqlite'), now: options.now ?? (() => new Date()) });
  const cfg = PlannerConfig.parse({ port: 0, data: dir, ...config });
  const server = createPlannerServer({ schedule: false, evaluateDebounceMs: 20, ...options, config: cfg, store });
  let started: { url: string; agentUrl: string };
  try {
    started = await server.start();
  } catch (e) {
    store.close();
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const { url, agentUrl } = started;
  return {
    dir, store, server, url, agentUrl,
    addAgent(name, role = 'agent') {
      const token = newToken();
      store.addToken(name, role, hashToken(token));
      return token;
    },
    async stop() {
      await server.stop();
      store.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
