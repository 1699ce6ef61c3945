import path from 'node:path';
import { z } from 'zod';
import { LyncdrError } from '@lyncdr/errors';
import { LOG_LEVELS } from '@lyncdr/logger';
import { readYaml } from '@lyncdr/topology';
import { EmailConfig, NtfyConfig, TeamsConfig, WebhookConfig } from './alerts/channel-config';
import { checkPeering, PeerConfig, PeeringConfig, SelfConfig } from './peers/peer-config';

const Rule = z.object({
  periodHours: z.number().positive().optional(),
  graceHours: z.number().nonnegative().optional(),
  maxDurationMs: z.number().int().positive().optional(),
  minDurationMs: z.number().int().nonnegative().optional(),
  rpoMinutes: z.number().positive().optional(),
}).strict();

const Silence = z.object({
  /** UTC times of day, `HH:MM`; a window may wrap past midnight. */
  from: z.string().regex(/^\d\d:\d\d$/, 'use HH:MM (UTC)'),
  to: z.string().regex(/^\d\d:\d\d$/, 'use HH:MM (UTC)'),
  /** Days of the week the window starts on, 0 = Sunday; all days when absent. */
  days: z.array(z.number().int().min(0).max(6)).optional(),
  /** Item id prefix the window applies to; all items when absent. */
  items: z.string().optional(),
}).strict();

/** planner.yaml (see apps/planner/planner.example.yaml). Every field has a default. */
export const PlannerConfig = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(8470),
  data: z.string().default('./data'),
  /**
   * Where the planner keeps its data: null for SQLite in the data folder (the default), or a PostgreSQL URL
   * (`postgres://user:password@host:5432/database`), each deployment in its own schema (docs/operations.md).
   */
  store: z.string().nullable().default(null),
  topology: z.string().nullable().default(null),
  overlay: z.string().nullable().default(null),
  /** Several deployments in one planner (docs/planner.md "Several deployments"), instead of topology/overlay. */
  deployments: z.array(z.object({
    name: z.string(),
    topology: z.string(),
    overlay: z.string().nullable().default(null),
  }).strict()).nullable().default(null),
  tls: z.object({ cert: z.string(), key: z.string() }).strict().nullable().default(null),
  limits: z.object({
    maxFrameBytes: z.number().int().positive().default(4 * 1024 * 1024),
    reportsPerMinute: z.number().positive().default(120),
    burst: z.number().int().positive().default(60),
    idleTimeoutSeconds: z.number().positive().default(120),
    /** A socket without a valid token is closed after this (short: it holds a slot of the unauthenticated budget). */
    helloTimeoutSeconds: z.number().positive().default(5),
    /** Authenticated agent connections. */
    maxConnections: z.number().int().positive().default(5000),
    /** Sockets not yet authenticated, per remote address (IPv4, or IPv6 /64) and in all; agents with a valid token in the header never count. */
    unauthenticatedPerAddress: z.number().int().positive().default(8),
    unauthenticatedTotal: z.number().int().positive().default(256),
    /** Bytes a socket may send before it is authenticated (a hello is well under 8 kB). */
    unauthenticatedMaxBytes: z.number().int().positive().default(8192),
    /** hello, heartbeat and error frames per agent and minute (token bucket); reports have their own limit above. */
    otherFramesPerMinute: z.number().positive().default(60),
    otherFramesBurst: z.number().int().positive().default(30),
  }).strict().prefault({}),
  evaluation: z.object({
    /** node-cron expression of the scheduled evaluation (every minute by default). */
    cron: z.string().default('* * * * *'),
  }).strict().prefault({}),
  retention: z.object({ rawReportsDays: z.number().positive().default(30) }).strict().prefault({}),
  alerts: z.object({
    webhook: WebhookConfig.nullable().default(null),
    email: EmailConfig.nullable().default(null),
    teams: TeamsConfig.nullable().default(null),
    ntfy: NtfyConfig.nullable().default(null),
    /** node-cron expression of the daily summary, or null for none. */
    dailySummary: z.string().nullable().default(null),
    silence: z.array(Silence).default([]),
    /** The order in which peer planners send alerts (docs/planner.md, Peers); names in alphabetical order when absent. */
    peerOrder: z.array(z.string()).nullable().default(null),
  }).strict().prefault({}),
  policy: z.object({ rules: z.record(z.string(), Rule).default({}) }).strict().prefault({}),
  api: z.object({
    /** Allow GET requests without a token (read-only). Writes always need an admin token. */
    openRead: z.boolean().default(false),
    /**
     * Host names (and addresses) the planner answers HTTP requests for (DNS rebinding guard). Always allowed:
     * 127.0.0.1, localhost, ::1, the bind address, this machine's host name and interface addresses. `*` allows any.
     */
    allowedHosts: z.array(z.string().min(1).max(253)).default([]),
    /** Live `/api/events` streams (dashboards) at one time. */
    maxEventStreams: z.number().int().positive().default(32),
  }).strict().prefault({}),
  ingest: z.object({
    /** How far ahead of the planner's clock an agent's times may be; later times are refused (E_CLOCK_SKEW). */
    clockSkewSeconds: z.number().nonnegative().default(300),
  }).strict().prefault({}),
  logging: z.object({
    /** Folder of the JSON log files (`planner.log`, rotated by size); `<data>/logs` when absent. */
    dir: z.string().min(1).optional(),
    level: z.enum(LOG_LEVELS).default('info'),
    maxBytes: z.number().int().min(4096).default(10 * 1024 * 1024),
    keep: z.number().int().min(0).max(100).default(5),
  }).strict().prefault({}),
  demo: z.boolean().default(false),
  /** This planner's name and public URL, and the planners it knows (docs/planner.md, Peers). */
  self: SelfConfig.nullable().default(null),
  peers: z.array(PeerConfig).default([]),
  peering: PeeringConfig.prefault({}),
}).strict().superRefine(checkPeering);
export type PlannerConfig = z.infer<typeof PlannerConfig>;
export type SilenceWindow = z.infer<typeof Silence>;

/** Parses planner.yaml text; errors name the file, the field and what to do. */
export function parsePlannerConfig(text: string, file: string): PlannerConfig {
  let raw: unknown;
  const read = readYaml(text);
  if (read.error) {
    const { message, line, column } = read.error;
    throw new LyncdrError('E_CONFIG', `${message}; fix the YAML`, { location: { file, line, column } });
  }
  try {
    raw = read.doc.toJS() ?? {};
  } catch (e) {
    throw new LyncdrError('E_CONFIG', `${(e as Error).message.split('\n')[0]}; fix the YAML`, { cause: e, location: { file } });
  }
  const r = PlannerConfig.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new LyncdrError('E_CONFIG', `${issue?.message}; see apps/planner/planner.example.yaml`, { location: { file, where } });
  }
  return r.data;
}

/** Resolves the relative paths of a config against the folder it was read from. */
export function resolveConfigPaths(config: PlannerConfig, base: string): PlannerConfig {
  const abs = (p: string | null) => (p === null ? null : path.resolve(base, p));
  return {
    ...config,
    data: path.resolve(base, config.data),
    topology: abs(config.topology),
    overlay: abs(config.overlay),
    deployments: config.deployments?.map((d) => ({ ...d, topology: path.resolve(base, d.topology), overlay: abs(d.overlay) })) ?? null,
    tls: config.tls ? { cert: path.resolve(base, config.tls.cert), key: path.resolve(base, config.tls.key) } : null,
    logging: { ...config.logging, ...(config.logging.dir ? { dir: path.resolve(base, config.logging.dir) } : {}) },
  };
}
