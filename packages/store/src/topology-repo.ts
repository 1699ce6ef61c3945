import type Database from 'better-sqlite3';
import type { TopologyVersion } from './types';

interface Row { version: number; saved_at: string; hash: string; source: string; json?: string; diff: string }

const toVersion = (r: Row): TopologyVersion => ({
  version: r.version, savedAt: r.saved_at, hash: r.hash, source: r.source, json: r.json ?? '', diff: JSON.parse(r.diff) as string[],
});

/** Topology versions: a new version is stored only when the content hash changes. */
export function createTopologyRepo(db: Database.Database, now: () => Date) {
  const latest = db.prepare('SELECT * FROM topologies ORDER BY version DESC LIMIT 1');
  const insert = db.prepare('INSERT INTO topologies (saved_at, hash, source, json, diff) VALUES (?, ?, ?, ?, ?)');
  const list = db.prepare('SELECT version, saved_at, hash, source, diff FROM topologies ORDER BY version DESC LIMIT ?');
  return {
    saveTopology(source: string, hash: string, json: string, diff: string[]): TopologyVersion | null {
      const last = latest.get() as Row | undefined;
      if (last?.hash === hash) return null;
      insert.run(now().toISOString(), hash, source, json, JSON.stringify(diff));
      return toVersion(latest.get() as Row);
    },
    latestTopology(): TopologyVersion | null {
      const r = latest.get() as Row | undefined;
      return r ? toVersion(r) : null;
    },
    listTopologies: (limit: number): Omit<TopologyVersion, 'json'>[] =>
      (list.all(limit) as Row[]).map((r) => {
        const { json: _json, ...rest } = toVersion(r);
        return rest;
      }),
  };
}
