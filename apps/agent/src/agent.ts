import os from 'node:os';
import { createRegistry, type BridgeRunner, type Collector } from '@lyncdr/collectors';
import { LyncdrError } from '@lyncdr/errors';
import { encode, envelope, type Envelope, type Payload, type Report } from '@lyncdr/protocol';
import { createPowerShellBridge } from './bridge/powershell';
import { checkAgentConfig, type AgentConfig, type AgentConfigInput } from './config';
import { clampReport } from './clamp-report';
import { createConnection } from './connection';
import { createIdGenerator } from './ids';
import { silentLogger, type Logger } from './logger';
import { createOutbox } from './outbox';
import { createRunner } from './runner';
import { createScheduler } from './scheduler';
import { AGENT_VERSION } from './version';

export { AGENT_VERSION } from './version';
/** Reports sent and not yet acknowledged on one connection. */
const WINDOW = 64;

export interface AgentOptions {
  config: AgentConfigInput | AgentConfig;
  now?: () => Date;
  logger?: Logger;
  /** The PowerShell bridge; built from `config.powershell` when absent. */
  bridge?: BridgeRunner;
  /** Extra collectors, or replacements of built-in ones by id. */
  collectors?: Collector[];
  /** Jitter source for reconnect backoff (tests make it deterministic). */
  random?: () => number;
}

export interface Agent {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Runs one collector now, queues its report in the outbox (sent when connected) and returns it. */
  runOnce(collectorId: string): Promise<Report>;
  outboxDepth(): number;
  connected(): boolean;
}

export function createAgent(opts: AgentOptions): Agent {
  const config = checkAgentConfig(opts.config);
  const now = opts.now ?? (() => new Date());
  const logger = opts.logger ?? silentLogger;
  const registry = createRegistry(opts.collectors ?? []);
  for (const id of Object.keys(config.collectors)) {
    if (!registry.has(id)) {
      throw new LyncdrError('E_AGENT_CONFIG', `collectors.${id}: no collector has this id; use one of ${registry.ids().join(', ')}`, { location: { where: `collectors.${id}` } });
    }
  }
  const settings: Record<string, Record<string, unknown>> = Object.fromEntries(
    Object.entries(config.collectors).map(([id, { schedule: _s, ...rest }]) => [id, rest]),
  );
  const outbox = createOutbox(config.outboxDir);
  const newId = createIdGenerator(now);
  const bridge = opts.bridge ?? createPowerShellBridge(config.powershell);
  const runner = createRunner({ registry, settings: (id) => settings[id] ?? {}, bridge, now, logger });
  const meta = (id: string) => ({ id, agentId: config.agentId, sentAt: now().toISOString() });

  const inflight = new Set<string>();
  let sentThisConnection = new Set<string>();
  let pumping = false;
  let pumpAgain = false;
  const pump = async () => {
    // A call during a walk (a report just queued, a new connection) makes the walk go round once more; without it
    // that report waited for the next ack or reconnection.
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        for (const id of outbox.ids()) {
          if (inflight.size >= WINDOW || !connection.isOpen()) break;
          if (sentThisConnection.has(id)) continue;
          const frame = await outbox.read(id);
          if (frame === null) continue;
          if (!connection.send(frame)) break;
          sentThisConnection.add(id);
          inflight.add(id);
        }
      } while (pumpAgain);
    } catch (e) {
      logger.error(`outbox read failed: ${(e as Error).message}`);
    } finally {
      pumping = false;
    }
  };

  const send = <T extends Envelope['type']>(type: T, payload: Payload<T>) => connection.send(encode(envelope(type, payload, meta(newId(type.slice(0, 1))))));

  const onMessage = (env: Envelope) => {
    switch (env.type) {
      case 'ack': {
        const { id } = env.payload as Payload<'ack'>;
        inflight.delete(id);
        void outbox
          .remove(id)
          .then(() => pump())
          .catch((e: Error) => logger.error(`cannot delete acknowledged report ${id}: ${e.message}`));
        break;
      }
      case 'collect': {
        const { collector } = env.payload as Payload<'collect'>;
        logger.info(`planner asked for ${collector}`);
        runOnce(collector).catch((e: Error) => {
          send('error', { code: e instanceof LyncdrError ? e.code : 'E_COLLECTOR_FAILED', message: e.message, ref: env.id });
        });
        break;
      }
      case 'config': {
        const { settings: next } = env.payload as Payload<'config'>;
        const perCollector = (next.collectors ?? {}) as Record<string, Record<string, unknown>>;
        for (const [id, s] of Object.entries(perCollector)) {
          if (!registry.has(id) || !s || typeof s !== 'object') continue;
          const { schedule: _ignored, ...rest } = s;
          settings[id] = { ...settings[id], ...rest };
        }
        logger.info('settings updated by the planner', { collectors: Object.keys(perCollector) });
        break;
      }
      case 'error': {
        const p = env.payload as Payload<'error'>;
        logger.warn(`planner error ${p.code}: ${p.message}`, p.ref ? { ref: p.ref } : undefined);
        if (p.ref) inflight.delete(p.ref);
        break;
      }
      default:
        logger.warn(`ignored a ${env.type} message from the planner`);
    }
  };

  const connection = createConnection({
    url: config.planner.url,
    token: config.planner.token ?? '',
    logger,
    heartbeatMs: config.heartbeatSeconds * 1000,
    backoff: config.reconnect,
    random: opts.random,
    onOpen: () => {
      sentThisConnection = new Set();
      inflight.clear();
      send('hello', { version: AGENT_VERSION, host: os.hostname(), capabilities: registry.ids(), token: config.planner.token });
      void pump();
    },
    onMessage,
    onHeartbeat: () => send('heartbeat', { outboxDepth: outbox.depth() }),
  });

  const queued = new Map<string, Promise<Report>>();
  function runOnce(collectorId: string): Promise<Report> {
    const existing = queued.get(collectorId);
    if (existing) return existing;
    const p = runner
      .run(collectorId)
      .then(async (raw) => {
        const report = clampReport(raw);
        const id = newId('r');
        await outbox.put(id, encode(envelope('report', report, meta(id))));
        logger.info(`${collectorId} finished in ${report.durationMs} ms`, { ok: report.ok, id });
        void pump();
        return report;
      })
      .finally(() => queued.delete(collectorId));
    queued.set(collectorId, p);
    return p;
  }

  const scheduler = createScheduler(
    Object.fromEntries(Object.entries(config.collectors).map(([id, c]) => [id, c.schedule])),
    (id) => void runOnce(id).catch((e: Error) => logger.error(`${id}: ${e.message}`)),
  );

  return {
    async start() {
      if (!config.planner.token) {
        throw new LyncdrError('E_AGENT_CONFIG', 'planner.token: no agent token; set planner.tokenFile, planner.token or the LYNCDR_AGENT_TOKEN environment variable', { location: { where: 'planner.token' } });
      }
      scheduler.start();
      connection.start();
    },
    async stop() {
      await scheduler.stop();
      await Promise.allSettled([...queued.values()]);
      await connection.stop();
    },
    runOnce,
    outboxDepth: () => outbox.depth(),
    connected: () => connection.isOpen(),
  };
}
