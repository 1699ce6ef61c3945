import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createAgent, type Agent } from '../../apps/agent/src/agent';
import { sampleReport } from '../../apps/planner/src/testing/sim-agent';
import type { Collector } from '../../packages/collectors/src/index';
import type { Logger } from '../../packages/logger/src/index';

/**
 * A real agent (apps/agent: durable outbox, reconnect with backoff, ack window) whose file-store collector is replaced
 * by one that returns a small report at once, so a test can produce reports as fast as it likes. Every report id the
 * agent puts in its outbox is recorded (from its log line), so the test knows what was produced.
 */
export interface FaultAgent {
  agent: Agent;
  id: string;
  outboxDir: string;
  produced: string[];
  errors: string[];
  /** Report files still in the outbox folder (waiting for an ack). */
  pending(): string[];
}

export function createFaultAgent(o: { id: string; token: string; url: string; outboxDir: string; random: () => number; now?: () => Date }): FaultAgent {
  const produced: string[] = [];
  const errors: string[] = [];
  const now = o.now ?? (() => new Date());
  const probe: Collector = {
    id: 'file-store',
    description: 'fault-test probe',
    run: async () => {
      const r = sampleReport(now());
      return { ok: r.ok, observations: r.observations, findings: r.findings };
    },
  };
  const logger: Logger = {
    debug: () => {},
    info: (_m, f) => void (typeof f?.id === 'string' && produced.push(f.id)),
    warn: () => {},
    error: (m) => void errors.push(m),
  };
  const agent = createAgent({
    config: {
      agentId: o.id,
      planner: { url: o.url, token: o.token },
      outboxDir: o.outboxDir,
      heartbeatSeconds: 5,
      reconnect: { initialMs: 20, maxMs: 250 },
      collectors: { 'file-store': { schedule: '0 0 1 1 *' } },
    },
    collectors: [probe],
    logger,
    random: o.random,
    now,
  });
  return {
    agent,
    id: o.id,
    outboxDir: o.outboxDir,
    produced,
    errors,
    pending: () => readdirSync(o.outboxDir).filter((n) => n.endsWith('.json')).map((n) => path.basename(n, '.json')),
  };
}
