/**
 * The protocol's wire codes: what a peer receives in an `error` frame or a close reason when a frame itself is wrong.
 * `ProtocolCode` is derived from this table, as `ErrorCode` is from @lyncdr/errors' codes.ts; docs/errors.md lists
 * both (`pnpm docs:errors`).
 */
export const PROTOCOL_CODES = {
  E_PROTOCOL: 'A frame could not be handled for a reason that has no more precise code.',
  E_PROTOCOL_JSON: 'A frame is not valid JSON.',
  E_PROTOCOL_SCHEMA: 'A frame does not match the envelope or the payload schema of its type; the message names the field.',
  E_PROTOCOL_SIZE: 'A frame is larger than the size limit; it was not parsed.',
  E_PROTOCOL_VERSION: 'A frame speaks a protocol version this side does not support.',
} as const;

/** Every code a ProtocolError may carry. */
export type ProtocolCode = keyof typeof PROTOCOL_CODES;
