import os from 'node:os';
import { createRegistry, type BridgeRunner, type Collector } from '@lyncdr/collectors';
import { LyncdrError } from '@lyncdr/errors';
import { encode, envelope, type Envelope, type Payload, type Report } from '@lyncdr/protocol';
import { createPowerShellBridge } from './bridge/powershell';
import { checkAgentConfig, plannersOf, type AgentConfig, type AgentConfigInput, type PlannerTarget } from './config';
import { clampReport } from './clamp-report';
import { createConnection } from './connection';
import { createDeliveries } from './deliveries';
import { createIdGenerator } from './ids';
import { silentLogger, withFields, type Logger } from './logger';
import { createOutbox } from './outbox';
import { createRunner } from './runner';
import { createScheduler } from './scheduler';
import { AGENT_VERSION } from './version';

export { AGENT_VERSION } from './version';
/** Reports sent and not yet acknowledged on one connection. */
export const WINDOW = 64;

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
  /** How often the outbox retention is applied (10 minutes). */
  sweepMs?: number;
  /** How long a planner must have been out of reach before reports waiting for it may be dropped (15 minutes). */
  unreachableAfterMs?: number;
}

/** One planner as the agent sees it, for the status output. */
export interface PlannerState {
  key: string;
  url: string;
  connected: boolean;
  /** Reports waiting for this planner's ack. */
  waiting: number;
  /** Reports dropped for this planner after the retention, since the outbox began. */
  dropped: number;
}

export interface Agent {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Runs one collector now, queues its report in the outbox (sent when connected) and returns it. */
  runOnce(collectorId: string): Promise<Report>;
  /** Applies the outbox retention now (it also runs every `sweepMs`). */
  sweep(): Promise<void>;
  /** Reports in the outbox (waiting for at least one planner). */
  outboxDepth(): number;
  /** Whether at least one planner is connected. */
  connected(): boolean;
  planners(): PlannerState[];
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

  const targets = plannersOf(config);
  const deliveries = createDeliveries({
    outbox,
    dir: config.outboxDir,
    targets: targets.map((t) => ({ key: t.key, url: t.url, retentionMs: t.retentionHours * 3_600_000 })),
    now,
    logger,
  });
  const unreachableAfterMs = opts.unreachableAfterMs ?? 15 * 60_000;
  const links = targets.map((target) => createLink(target));

  /** One planner: its own connection, backoff, hello, window of reports in flight and acks. */
  function createLink(target: PlannerTarget) {
    const log: Logger = targets.length === 1 ? logger : withFields(logger, { planner: target.url });
    const inflight = new Set<string>();
    let sentThisConnection = new Set<string>();
    let pumping = false;
    let pumpAgain = false;
    /**
     * Since when this planner has been out of reach (from the start until the first connection); null while connected.
     * A connection that closes within a heartbeat period without an ack (a planner refusing this agent's token) does
     * not count as reached: the planner stays out of reach since the earlier time.
     */
    let downSince: number | null = now().getTime();
    let downBefore: number | null = null;
    let openedAt = 0;
    let ackedThisConnection = false;
    /** Whether the connection opened at `openedAt` counts as reaching the planner by time `t`. */
    const reached = (t: number) => ackedThisConnection || t - openedAt >= config.heartbeatSeconds * 1000;
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
          for (const id of deliveries.waiting(target.key)) {
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
        log.error(`outbox read failed: ${(e as Error).message}`);
      } finally {
        pumping = false;
      }
    };

    const send = <T extends Envelope['type']>(type: T, payload: Payload<T>) => connection.send(encode(envelope(type, payload, meta(newId(type.slice(0, 1))))));

    const onMessage = (env: Envelope) => {
      switch (env.type) {
        case 'ack': {
          const { id, duplicate } = env.payload as Payload<'ack'>;
          inflight.delete(id);
          ackedThisConnection = true;
          // A resend after an ack that was lost (a planner killed between its commit and its ack): harmless, and rare.
          if (duplicate) log.info('the planner already had this report', { id });
          void deliveries
            .ack(target.key, id)
            .then(() => pump())
            .catch((e: Error) => log.error(`cannot record the acknowledgement of report ${id}: ${e.message}`));
          break;
        }
        case 'collect': {
          const { collector } = env.payload as Payload<'collect'>;
          log.info(`planner asked for ${collector}`);
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
          log.info('settings updated by the planner', { collectors: Object.keys(perCollector) });
          break;
        }
        case 'error': {
          const p = env.payload as Payload<'error'>;
          log.warn(`planner error ${p.code}: ${p.message}`, p.ref ? { ref: p.ref } : undefined);
          if (p.ref) inflight.delete(p.ref);
          break;
        }
        default:
          log.warn(`ignored a ${env.type} message from the planner`);
      }
    };

    const connection = createConnection({
      url: target.url,
      token: target.token ?? '',
      key: target.key,
      logger: log,
      heartbeatMs: config.heartbeatSeconds * 1000,
      backoff: config.reconnect,
      random: opts.random,
      onOpen: () => {
        downBefore = downSince;
        downSince = null;
        openedAt = now().getTime();
        ackedThisConnection = false;
        sentThisConnection = new Set();
        inflight.clear();
        send('hello', {
          version: AGENT_VERSION, host: os.hostname(), capabilities: registry.ids(), token: target.token,
          outboxDepth: deliveries.waitingCount(target.key), outboxDropped: deliveries.dropped(target.key),
        });
        void pump();
      },
      onClose: () => {
        const t = now().getTime();
        downSince = reached(t) ? t : (downBefore ?? t);
      },
      onMessage,
      onHeartbeat: () => send('heartbeat', { outboxDepth: deliveries.waitingCount(target.key) }),
    });

    return {
      target,
      connection,
      pump,
      unreachable: () => {
        const t = now().getTime();
        // A connection open for less than a heartbeat period without an ack is not "reached" yet (a planner refusing
        // this agent opens the socket, then closes it): the planner is out of reach since the earlier time meanwhile.
        const since = downSince ?? (reached(t) ? null : downBefore);
        return since !== null && t - since >= unreachableAfterMs;
      },
    };
  }

  let sweepTimer: NodeJS.Timeout | null = null;
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    sweeping = sweeping
      .then(() => deliveries.sweep((key) => links.find((l) => l.target.key === key)!.unreachable()))
      .catch((e: Error) => logger.error(`outbox retention sweep failed: ${e.message}`));
    return sweeping;
  };
  const pumpAll = () => {
    for (const l of links) void l.pump();
  };

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
        pumpAll();
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
      const missing = links.find((l) => !l.target.token);
      if (missing) {
        const k = missing.target.key;
        throw new LyncdrError('E_AGENT_CONFIG', `${k}.token: no agent token; set ${k}.tokenFile, ${k}.token${links.length === 1 ? ' or the LYNCDR_AGENT_TOKEN environment variable' : ''}`, { location: { where: `${k}.token` } });
      }
      scheduler.start();
      for (const l of links) l.connection.start();
      // A first sweep deletes the reports every planner had acknowledged before a crash left their files behind.
      void sweep();
      sweepTimer = setInterval(() => void sweep(), opts.sweepMs ?? 10 * 60_000);
      sweepTimer.unref();
    },
    async stop() {
      if (sweepTimer) clearInterval(sweepTimer);
      sweepTimer = null;
      await scheduler.stop();
      await Promise.allSettled([...queued.values()]);
      await Promise.all(links.map((l) => l.connection.stop()));
      await sweeping;
      await deliveries.close();
    },
    runOnce,
    sweep: async () => {
      await sweep();
    },
    outboxDepth: () => outbox.depth(),
    connected: () => links.some((l) => l.connection.isOpen()),
    planners: () =>
      links.map((l) => ({
        key: l.target.key,
        url: l.target.url,
        connected: l.connection.isOpen(),
        waiting: deliveries.waitingCount(l.target.key),
        dropped: deliveries.dropped(l.target.key),
      })),
  };
}
