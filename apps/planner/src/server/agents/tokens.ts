import { createHash, randomBytes } from 'node:crypto';

/**
 * Tokens are 32 random bytes (base64url, `lyncdr_` prefix). The store keeps only their SHA-256: with 256 bits of
 * entropy a fast hash is enough (no password stretching needed), and lookups by hash stay O(1) for every connection.
 */
export function newToken(): string {
  return `lyncdr_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1] ?? null;
}
