import type Database from 'better-sqlite3';
import { LyncdrError } from '@lyncdr/errors';
import { AGENT_FINDINGS_KEPT, createTouch } from './commit-sql.mjs';
import { type AgentFinding, type AgentRecord, type AgentTouch, type TokenRole } from './types';

export interface TokenRow {
  name: string; role: TokenRole; created_at: string; revoked_at: string | null; last_seen: string | null;
  version: string | null; host: string | null; collectors: string | null; clock_offset_ms: number | null;
}

/** The stored collector list (JSON text written by touch); anything else reads as none. */
export function collectorsOf(text: string | null): string[] {
  if (!text) return [];
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Agent and API tokens (hashes only), last-seen data and each agent's last run per collector. */
export function createTokensRepo(db: Database.Database, now: () => Date) {
  const insert = db.prepare('INSERT INTO tokens (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)');
  const all = db.prepare('SELECT * FROM tokens ORDER BY name');
  const one = db.prepare('SELECT * FROM tokens WHERE name = ?');
  const byHash = db.prepare('SELECT * FROM tokens WHERE token_hash = ?');
  const replace = db.prepare(`INSERT INTO tokens (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET role = excluded.role, token_hash = excluded.token_hash, created_at = excluded.created_at, revoked_at = NULL`);
  const revoke = db.prepare('UPDATE tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL');
  const touch = createTouch(db);
  const touchTx = db.transaction((t: AgentTouch) => touch(t));
  const findings = db.prepare(`SELECT at, code, message, ref FROM agent_findings WHERE agent = ? ORDER BY seq DESC LIMIT ${AGENT_FINDINGS_KEPT}`);
  const runs = db.prepare('SELECT collector, finished_at FROM agent_runs WHERE agent = ?');

  const toRecord = (r: TokenRow): AgentRecord => ({
    name: r.name, role: r.role, createdAt: r.created_at, revokedAt: r.revoked_at, lastSeen: r.last_seen, version: r.version,
    host: r.host,
    lastRuns: Object.fromEntries((runs.all(r.name) as { collector: string; finished_at: string }[]).map((x) => [x.collector, x.finished_at])),
    collectors: collectorsOf(r.collectors),
    clockOffsetMs: r.clock_offset_ms ?? null,
    findings: findings.all(r.name) as AgentFinding[],
  });

  return {
    addToken(name: string, role: TokenRole, tokenHash: string): AgentRecord {
      if (!/^[A-Za-z0-9._-]{1,128}$/.test(name)) {
        throw new LyncdrError('E_AGENT_NAME', `name "${name}" is not valid; use 1-128 letters, digits, dot, underscore or hyphen`);
      }
      if (one.get(name)) throw new LyncdrError('E_AGENT_EXISTS', `a token named "${name}" already exists; revoke it or choose another name`);
      insert.run(name, role, tokenHash, now().toISOString());
      return toRecord(one.get(name) as TokenRow);
    },
    /** Creates the token or gives an existing name a new one (the old token stops working). */
    replaceToken(name: string, role: TokenRole, tokenHash: string): AgentRecord {
      replace.run(name, role, tokenHash, now().toISOString());
      return toRecord(one.get(name) as TokenRow);
    },
    listTokens: (): AgentRecord[] => (all.all() as TokenRow[]).map(toRecord),
    getToken(name: string): AgentRecord | null {
      const r = one.get(name) as TokenRow | undefined;
      return r ? toRecord(r) : null;
    },
    revokeToken: (name: string): boolean => revoke.run(now().toISOString(), name).changes > 0 || Boolean(one.get(name)),
    findByTokenHash(tokenHash: string): AgentRecord | null {
      const r = byHash.get(tokenHash) as TokenRow | undefined;
      return r ? toRecord(r) : null;
    },
    touchAgent(name: string, seen: Omit<AgentTouch, 'name'>): void {
      touchTx({ ...seen, name });
    },
  };
}
