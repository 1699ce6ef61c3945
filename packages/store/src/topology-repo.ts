import type Database from 'better-sqlite3';
import type { TopologyVersion } from './types';

export interface TopologyRow { version: number; saved_at: string; hash: string; source: string; json?: string; diff: string }

export const toVersion = (r: TopologyRow): TopologyVersion => ({
  version: r.version, savedAt: r.saved_at, hash: r.hash, source: r.source, json: r.json ?? '', diff: JSON.parse(r.diff) as string[],
});

/** Topology versions: a new version is stored only when the content hash changes. */
export function createTopologyRepo(db: Database.Database, now: () => Date) {
  const latest = db.prepare('SELECT * FROM topologies ORDER BY version DESC LIMIT 1');
  const insert = db.prepare('INSERT INTO topologies (saved_at, hash, source, json, diff) VALUES (?, ?, ?, ?, ?)');
  const list = db.prepare('SELECT version, saved_at, hash, source, diff FROM topologies ORDER BY version DESC LIMIT ?');
  return {
    saveTopology(source: string, hash: string, json: string, diff: string[]): TopologyVersion | null {
      const last = latest.get() as TopologyRow | undefined;
      if (last?.hash === hash) return null;
      insert.run(now().toISOString(), hash, source, json, JSON.stringify(diff));
      return toVersion(latest.get() as TopologyRow);
    },
    latestTopology(): TopologyVersion | null {
      const r = latest.get() as TopologyRow | undefined;
      return r ? toVersion(r) : null;
    },
    listTopologies: (limit: number): Omit<TopologyVersion, 'json'>[] =>
      (list.all(limit) as TopologyRow[]).map((r) => {
        const { json: _json, ...rest } = toVersion(r);
        return rest;
      }),
  };
}
