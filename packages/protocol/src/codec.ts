import { LyncdrError } from '@lyncdr/errors';
import { describeValue, truncateUtf8 } from './text';
import type { ProtocolCode } from './codes';
import { Envelope, payloads, PROTOCOL_VERSION, type MessageType, type Payload } from './messages';

/** Stable codes of protocol failures, by what went wrong (the meanings are in codes.ts). */
export const ProtocolErrorCode = {
  json: 'E_PROTOCOL_JSON',
  schema: 'E_PROTOCOL_SCHEMA',
  version: 'E_PROTOCOL_VERSION',
  size: 'E_PROTOCOL_SIZE',
} as const satisfies Record<string, ProtocolCode>;

/** A frame that cannot be decoded; its code is one of the protocol's wire codes (codes.ts). */
export class ProtocolError extends LyncdrError<ProtocolCode> {
  constructor(code: ProtocolCode, message: string, cause?: unknown) {
    super(code, message, { cause });
    this.name = 'ProtocolError';
  }
}

export function encode<T extends MessageType>(env: Envelope<T>): string {
  return JSON.stringify(env);
}

/** Builds an envelope; `id` and `sentAt` come from the caller (ids and clocks are injected, never global). */
export function envelope<T extends MessageType>(
  type: T,
  payload: Payload<T>,
  meta: { id: string; agentId: string; sentAt: string },
): Envelope<T> {
  return { v: PROTOCOL_VERSION, id: meta.id, type, sentAt: meta.sentAt, agentId: meta.agentId, payload };
}

/**
 * Decodes and schema-checks one frame. Throws ProtocolError with a stable code and a message naming the field.
 * `maxBytes` guards against oversized frames before JSON.parse.
 */
export function decode(frame: string | Buffer, maxBytes = 16 * 1024 * 1024): Envelope {
  const size = typeof frame === 'string' ? Buffer.byteLength(frame) : frame.length;
  if (size > maxBytes) throw new ProtocolError(ProtocolErrorCode.size, `frame of ${size} bytes exceeds the ${maxBytes}-byte limit`);
  let raw: unknown;
  try {
    raw = JSON.parse(typeof frame === 'string' ? frame : frame.toString('utf8'));
  } catch (e) {
    throw new ProtocolError(ProtocolErrorCode.json, 'frame is not valid JSON', e);
  }
  if (raw && typeof raw === 'object' && 'v' in raw && (raw as { v: unknown }).v !== PROTOCOL_VERSION) {
    throw new ProtocolError(ProtocolErrorCode.version, `protocol version ${describeValue((raw as { v: unknown }).v)} is not supported (this side speaks ${PROTOCOL_VERSION})`);
  }
  const env = Envelope.safeParse(raw);
  if (!env.success) throw new ProtocolError(ProtocolErrorCode.schema, describe(env.error.issues, 'envelope'));
  const schema = payloads[env.data.type];
  const payload = schema.safeParse(env.data.payload);
  if (!payload.success) throw new ProtocolError(ProtocolErrorCode.schema, describe(payload.error.issues, `${env.data.type}.payload`));
  return { ...env.data, payload: payload.data } as Envelope;
}

/** Longest message of a ProtocolError: it goes into error frames, close reasons and logs. */
export const MAX_PROTOCOL_MESSAGE = 600;

/** Names the first issues by field path; keys chosen by the peer are cut short, so the text stays bounded. */
function describe(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix: string): string {
  const first = issues.slice(0, 3).map((i) => {
    const where = [prefix, ...i.path.slice(0, 8).map((p) => truncateUtf8(String(p), 40))].join('.') + (i.path.length > 8 ? '…' : '');
    return `${where}: ${truncateUtf8(i.message, 160)}`;
  });
  return truncateUtf8(`invalid message: ${first.join('; ')}${issues.length > 3 ? ` (+${issues.length - 3} more)` : ''}`, MAX_PROTOCOL_MESSAGE);
}
