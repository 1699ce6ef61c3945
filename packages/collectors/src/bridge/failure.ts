import { isLyncdrError } from '@lyncdr/errors';
import type { Finding } from '@lyncdr/protocol';

/** A bridge failure (timeout, exit code, garbage, output cap) as a finding naming the cmdlet and the subject. */
export function bridgeFailure(cmdlet: string, subject: string, e: unknown): Finding {
  const code = isLyncdrError(e) ? e.code : 'E_BRIDGE';
  return { code, message: `${cmdlet} for ${subject} failed: ${(e as Error).message ?? String(e)}`, path: null, severity: 'error' };
}
