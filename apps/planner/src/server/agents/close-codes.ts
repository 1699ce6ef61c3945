/** WebSocket close codes the planner uses (RFC 6455 §7.4.1). */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  /** Unknown, revoked or malformed peers; idle and flooding peers. */
  policy: 1008,
  tooBig: 1009,
  tryAgainLater: 1013,
} as const;

/** A close reason must fit in 123 bytes. */
export function closeReason(text: string): string {
  let out = text;
  while (Buffer.byteLength(out) > 123) out = out.slice(0, -2) + '…';
  return out;
}
