import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { migrations, pgText } from '../migrations';
import { createPostgresStore, isPostgresStore } from '../pg-store';
import { createSqliteStore } from '../sqlite-store';
import type { Store } from '../types';
import { postgresBinDir, startPostgresCluster, type PostgresCluster } from './postgres-cluster';

/** One kind of store the shared store tests run against. */
export interface StoreTarget {
  name: 'sqlite' | 'postgres';
  /** A new, empty store (its own SQLite file, or its own PostgreSQL schema). */
  open(now: () => Date): Store;
  /** Another connection to the same data (another planner process would open it so). */
  reopen(store: Store, now: () => Date): Store;
  /** Runs SQL on the store's data through a connection of its own (not the store's). */
  sql(store: Store, text: string): Promise<unknown[]>;
  /** A store whose schema was left at migration `n`, with `seed` run on it, then opened (and so migrated). */
  atVersion(n: number, seed: string, now: () => Date): Promise<Store>;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;

function sqliteTarget(dirs: string[]): StoreTarget {
  const fresh = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-store-'));
    dirs.push(dir);
    return path.join(dir, 'planner.sqlite');
  };
  return {
    name: 'sqlite',
    open: (now) => createSqliteStore({ file: fresh(), now }),
    reopen: (store, now) => createSqliteStore({ file: store.file, now }),
    async sql(store, text) {
      const db = new Database(store.file);
      try {
        db.pragma('busy_timeout = 5000');
        const st = db.prepare(text);
        return st.reader ? st.all() : (st.run(), []);
      } finally {
        db.close();
      }
    },
    async atVersion(n, seed, now) {
      const file = fresh();
      const db = new Database(file);
      db.exec('CREATE TABLE migrations (n INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      for (const m of migrations.filter((x) => x.n <= n)) {
        db.exec(m.sql);
        db.prepare('INSERT INTO migrations (n, name, applied_at) VALUES (?, ?, ?)').run(m.n, m.name, 'then');
      }
      if (seed) db.exec(seed);
      db.close();
      return createSqliteStore({ file, now });
    },
  };
}

async function onSchema<T>(url: string, schema: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await c.query(`SET search_path TO "${schema}"`);
    return await fn(c);
  } finally {
    await c.end();
  }
}

function postgresTarget(url: () => string): StoreTarget {
  const target = (store: Store) => {
    if (!isPostgresStore(store)) throw new Error('not a PostgreSQL store');
    return store.postgres;
  };
  return {
    name: 'postgres',
    open: (now) => createPostgresStore({ url: url(), schema: unique('t'), now }),
    reopen: (store, now) => createPostgresStore({ url: url(), schema: target(store).schema, now }),
    sql: (store, text) => onSchema(url(), target(store).schema, async (c) => (await c.query(text)).rows),
    async atVersion(n, seed, now) {
      const schema = unique('old');
      await onSchema(url(), schema, async (c) => {
        await c.query('CREATE TABLE migrations (n INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
        for (const m of migrations.filter((x) => x.n <= n)) {
          await c.query(pgText(m));
          await c.query('INSERT INTO migrations (n, name, applied_at) VALUES ($1, $2, $3)', [m.n, m.name, 'then']);
        }
        if (seed) await c.query(seed);
      });
      return createPostgresStore({ url: url(), schema, now });
    },
  };
}

/**
 * PostgreSQL for a test file: LYNCDR_TEST_POSTGRES_URL, or a throwaway cluster this file starts before its tests
 * (and stops after them) when PostgreSQL's server binaries are installed. Without either it is `null`, and a test
 * named after the reason is reported as skipped, or fails when LYNCDR_REQUIRE_POSTGRES=1 (CI). Call at the top level
 * of a test file (it registers the hooks).
 */
export function postgresForTests(): { url(): string } | null {
  const fromEnv = process.env.LYNCDR_TEST_POSTGRES_URL || null;
  if (!fromEnv && !postgresBinDir()) {
    const why = 'PostgreSQL tests: no LYNCDR_TEST_POSTGRES_URL and no PostgreSQL server binaries (apt-get install postgresql)';
    if (process.env.LYNCDR_REQUIRE_POSTGRES === '1') {
      describe('postgres', () => it('needs PostgreSQL (LYNCDR_REQUIRE_POSTGRES=1)', () => {
        throw new Error(why);
      }));
    } else {
      describe('postgres', () => it.skip(`skipped: ${why}`, () => {}));
    }
    return null;
  }
  let cluster: PostgresCluster | null = null;
  let url = fromEnv;
  beforeAll(async () => {
    if (!url) {
      cluster = await startPostgresCluster({ fsync: false });
      url = cluster.url;
    }
  }, 120_000);
  afterAll(() => cluster?.stop());
  return {
    url() {
      if (!url) throw new Error('the PostgreSQL cluster has not started');
      return url;
    },
  };
}

/**
 * The stores a test file runs its store tests against: SQLite always, PostgreSQL as `postgresForTests` finds it.
 * Call at the top level of a test file.
 */
export function storeTargets(): StoreTarget[] {
  const dirs: string[] = [];
  const targets = [sqliteTarget(dirs)];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const postgres = postgresForTests();
  if (postgres) targets.push(postgresTarget(() => postgres.url()));
  return targets;
}
