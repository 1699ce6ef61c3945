import { truncateUtf8 } from '@lyncdr/protocol';

/** WebSocket close codes the planner uses (RFC 6455 §7.4.1). */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  /** Unknown, revoked or malformed peers; idle and flooding peers. */
  policy: 1008,
  tooBig: 1009,
  /** The planner failed on a frame it should have handled (logged); the agent reconnects. */
  internalError: 1011,
  tryAgainLater: 1013,
} as const;

/** A close reason must fit in 123 bytes of UTF-8 (RFC 6455 §5.5); cut once, on a character boundary. */
export const MAX_CLOSE_REASON_BYTES = 123;

export function closeReason(text: string): string {
  return truncateUtf8(text, MAX_CLOSE_REASON_BYTES);
}
