import { randomUUID } from 'node:crypto';
import type { Store } from '@lyncdr/store';
import { hashToken, newToken } from '../agents/tokens';
import type { Logger } from '../logger';
import { connectSimAgent, type SimAgent } from '../sim-agent';
import { generateDemoFolders, observeDemoFolders, type DemoItem } from './demo-folders';

export interface DemoAgent {
  stop(): void;
}

/**
 * The in-process demo agent of `lyncdr serve --demo`: registers itself (`demo` token), generates sample backup
 * folders, and reports what it sees in them over the real `/agent` endpoint every `intervalMs`.
 */
export async function startDemoAgent(o: {
  agentUrl: string;
  store: Store;
  folder: string;
  items: readonly DemoItem[];
  now: () => Date;
  log: Logger;
  intervalMs?: number;
}): Promise<DemoAgent> {
  const agentName = 'demo';
  const token = newToken();
  o.store.replaceToken(agentName, 'agent', hashToken(token));
  generateDemoFolders(o.folder, o.items, o.now());
  const agent: SimAgent = await connectSimAgent(o.agentUrl, { agentId: agentName, token, now: o.now });
  agent.hello();
  const run = async () => {
    const started = o.now();
    const observations = observeDemoFolders(o.folder, o.items);
    const finished = o.now();
    try {
      await agent.report(`demo-${randomUUID()}`, {
        collector: 'demo-folders', startedAt: started.toISOString(), finishedAt: finished.toISOString(),
        durationMs: Math.max(0, finished.getTime() - started.getTime()), ok: observations.every((x) => x.ok), observations, findings: [],
      });
    } catch (e) {
      o.log('demo.report_failed', { error: (e as Error).message });
    }
  };
  await run();
  o.log('demo.started', { agent: agentName, folder: o.folder, items: o.items.length });
  const timer = setInterval(() => void run(), o.intervalMs ?? 30_000);
  const beat = setInterval(() => agent.heartbeat(), 20_000);
  return {
    stop() {
      clearInterval(timer);
      clearInterval(beat);
      agent.close();
    },
  };
}
