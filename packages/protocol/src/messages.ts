import { z } from 'zod';
import { truncateUtf8 } from './text';

/** Protocol version carried by every envelope. A peer speaking another major version is refused. */
export const PROTOCOL_VERSION = 1;

const isoTime = z.string().datetime({ offset: true });
const id = z.string().min(8).max(128).regex(/^[A-Za-z0-9._:-]+$/, 'ids are letters, digits and . _ : -');

/** One finding produced by a collector: a stable code, words, and what it is about. */
export const Finding = z.object({
  code: z.string().min(1).max(64),
  message: z.string().max(4000),
  path: z.string().max(4096).nullable().optional(),
  severity: z.enum(['error', 'warning', 'info']).default('error'),
});
export type Finding = z.infer<typeof Finding>;

/**
 * One observation about one backed-up thing. `subject` names it in the inventory's terms (pool FQDN, SQL store and
 * database, file store UNC, export kind); `itemId` is set when the collector knows the inventory item id.
 */
export const Observation = z.object({
  kind: z.string().min(1).max(64),
  subject: z.string().min(1).max(1024),
  itemId: z.string().max(512).nullable().optional(),
  /** Time of the newest good backup the collector saw, or null. */
  lastGood: isoTime.nullable().optional(),
  ok: z.boolean(),
  findings: z.array(Finding).max(10_000).default([]),
  /** Collector-specific details (counts, bytes, states); kept as is by the planner. */
  data: z.record(z.string(), z.unknown()).default({}),
});
export type Observation = z.infer<typeof Observation>;

export const Hello = z.object({
  version: z.string().max(64),
  host: z.string().max(255),
  capabilities: z.array(z.string().max(64)).max(64),
  /** Token, when not sent in the Authorization header. */
  token: z.string().max(512).optional(),
  /** Reports in the agent's outbox waiting for this planner's ack. */
  outboxDepth: z.number().int().nonnegative().optional(),
  /**
   * Reports the agent dropped from its outbox without this planner's ack (this planner stayed unreachable past the
   * agent's retention), counted since the outbox began: reports this planner will never get.
   */
  outboxDropped: z.number().int().nonnegative().optional(),
});
export const Report = z.object({
  collector: z.string().min(1).max(64),
  startedAt: isoTime,
  finishedAt: isoTime,
  durationMs: z.number().int().nonnegative(),
  ok: z.boolean(),
  observations: z.array(Observation).max(100_000),
  findings: z.array(Finding).max(10_000).default([]),
});
export type Report = z.infer<typeof Report>;
export const Heartbeat = z.object({ outboxDepth: z.number().int().nonnegative().optional() });
export const Ack = z.object({ id, duplicate: z.boolean().default(false) });
export const Collect = z.object({ collector: z.string().min(1).max(64) });
export const Config = z.object({ settings: z.record(z.string().max(128), z.unknown()) });
/** Longest text of an `error` frame's message (longer ones are cut, on a character boundary); codes are short. */
export const MAX_ERROR_MESSAGE = 2000;
export const ErrorPayload = z.object({
  code: z.string().max(64),
  message: z.string().transform((m) => truncateUtf8(m, MAX_ERROR_MESSAGE)),
  ref: id.optional(),
});

export const payloads = {
  hello: Hello,
  report: Report,
  heartbeat: Heartbeat,
  ack: Ack,
  collect: Collect,
  config: Config,
  error: ErrorPayload,
} as const;
export type MessageType = keyof typeof payloads;
export type Payload<T extends MessageType> = z.infer<(typeof payloads)[T]>;

/** The versioned envelope around every message (DESIGN §5). `id` is unique per message so reports de-duplicate. */
export const Envelope = z.object({
  v: z.literal(PROTOCOL_VERSION),
  id,
  type: z.enum(Object.keys(payloads) as [MessageType, ...MessageType[]]),
  sentAt: isoTime,
  agentId: z.string().min(1).max(128),
  payload: z.unknown(),
});
export type Envelope<T extends MessageType = MessageType> = {
  v: typeof PROTOCOL_VERSION;
  id: string;
  type: T;
  sentAt: string;
  agentId: string;
  payload: Payload<T>;
};
