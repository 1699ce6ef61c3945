import path from 'node:path';
import { createAgent } from '@lyncdr/agent';
import type { Collector } from '@lyncdr/collectors';
import { LyncdrError } from '@lyncdr/errors';
import type { Logger } from '@lyncdr/logger';
import type { Store } from '@lyncdr/store';
import { hashToken, newToken } from '../agents/tokens';
import { generateDemoFolders, observeDemoFolders, type DemoItem } from './demo-folders';

export interface DemoAgent {
  stop(): Promise<void>;
}

/** Collector of the demo: looks at the generated sample backup folders (see demo-folders.ts). */
function demoCollector(folder: string, items: readonly DemoItem[]): Collector {
  return {
    id: 'demo-folders',
    description: 'Sample backup folders generated for the demo',
    async run() {
      const observations = observeDemoFolders(folder, items);
      return { ok: observations.every((o) => o.ok), observations, findings: [] };
    },
  };
}

/**
 * The demo of `lyncdr serve` with no config: the real agent (apps/agent) runs in-process with a `demo` token, a
 * collector over generated sample backup folders, and its outbox under the data folder; it reports every minute.
 */
export async function startDemoAgent(o: {
  agentUrl: string;
  store: Store;
  folder: string;
  items: readonly DemoItem[];
  now: () => Date;
  log: Logger;
}): Promise<DemoAgent> {
  const token = newToken();
  o.store.replaceToken('demo', 'agent', hashToken(token));
  generateDemoFolders(o.folder, o.items, o.now());
  const agent = createAgent({
    config: {
      agentId: 'demo', planner: { url: o.agentUrl, token }, outboxDir: path.join(o.folder, '.outbox'),
      collectors: { 'demo-folders': { schedule: '* * * * *' } },
    },
    now: o.now,
    collectors: [demoCollector(o.folder, o.items)],
    bridge: { run: async () => { throw new LyncdrError('E_DEMO', 'the demo agent has no PowerShell bridge'); } },
  });
  await agent.start();
  await agent.runOnce('demo-folders');
  o.log.info('demo.started', { agent: 'demo', folder: o.folder, items: o.items.length });
  return { stop: () => agent.stop() };
}
