import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '@lyncdr/store';
import { createCliContext } from '../context';
import { runCli } from '../program';
import { hashToken } from '../../server/agents/tokens';

describe('lyncdr agents / db', () => {
  let dir: string;
  let out: string;
  let err: string;
  const ctx = () => createCliContext({ stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd: dir, now: () => new Date('2026-11-22T10:00:00.000Z') });
  const run = (...argv: string[]) => {
    out = '';
    err = '';
    return runCli(argv, ctx());
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a token, prints it once, stores only its hash; lists and revokes', async () => {
    expect(await run('agents', 'add', 'fe1')).toBe(0);
    const token = out.trim().split('\n').pop()!;
    expect(token).toMatch(/^lyncdr_[A-Za-z0-9_-]{43}$/);
    const store = createSqliteStore({ file: path.join(dir, 'data/planner.sqlite'), now: () => new Date() });
    expect(store.findByTokenHash(hashToken(token))?.name).toBe('fe1');
    store.close();
    expect(await run('agents', 'add', 'viewer', '--role', 'read', '--json')).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ name: 'viewer', role: 'read', token: expect.stringMatching(/^lyncdr_/) });
    expect(await run('agents', 'list', '--json')).toBe(0);
    expect((JSON.parse(out) as { agents: { name: string }[] }).agents.map((a) => a.name)).toEqual(['fe1', 'viewer']);
    expect(out).not.toContain(token);
    expect(await run('agents', 'revoke', 'fe1')).toBe(0);
    expect(await run('agents', 'list')).toBe(0);
    const [header, ...rows] = out.trimEnd().split('\n');
    expect(header).toMatch(/^NAME\s+ROLE\s+STATE\s+LAST SEEN\s+VERSION\s+LAST RUNS$/);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^fe1\s+agent\s+revoked 2026-11-22T10:00:00.000Z\s+-\s+-\s+-$/);
    expect(rows[1]).toMatch(/^viewer\s+read\s+never seen\s+-\s+-\s+-$/);
    // Aligned: every row's role and state start under their headers.
    for (const r of rows) {
      expect(r.indexOf(r.includes('agent') ? 'agent' : 'read')).toBe(header!.indexOf('ROLE'));
      expect(r.search(/revoked|never seen/)).toBe(header!.indexOf('STATE'));
    }
    expect(out).not.toContain('\x1b[');
  });

  it('rotates a token: a new secret printed once, the old one refused, the role kept', async () => {
    expect(await run('agents', 'add', 'viewer', '--role', 'read', '--json')).toBe(0);
    const old = (JSON.parse(out) as { token: string }).token;
    expect(await run('agents', 'rotate', 'viewer', '--json')).toBe(0);
    const rotated = JSON.parse(out) as { name: string; role: string; token: string };
    expect(rotated).toMatchObject({ name: 'viewer', role: 'read' });
    expect(rotated.token).not.toBe(old);
    const store = createSqliteStore({ file: path.join(dir, 'data/planner.sqlite'), now: () => new Date() });
    expect(store.findByTokenHash(hashToken(old))).toBeNull();
    expect(store.findByTokenHash(hashToken(rotated.token))?.name).toBe('viewer');
    store.close();
    expect(await run('agents', 'rotate', 'nobody')).toBe(2);
    expect(err).toMatch(/E_AGENT_UNKNOWN/);
  });

  it('refuses bad input with exit 2 and a clear message', async () => {
    expect(await run('agents', 'add', 'fe1')).toBe(0);
    expect(await run('agents', 'add', 'fe1')).toBe(2);
    expect(err).toMatch(/E_AGENT_EXISTS: a token named "fe1" already exists/);
    expect(await run('agents', 'add', 'x', '--role', 'root')).toBe(2);
    expect(err).toMatch(/E_USAGE: --role root is not one of agent, read, admin/);
    expect(await run('agents', 'revoke', 'nobody')).toBe(2);
    expect(err).toMatch(/E_AGENT_UNKNOWN/);
    writeFileSync(path.join(dir, 'bad.yaml'), 'port: [1\n');
    expect(await run('agents', 'list', '--config', 'bad.yaml')).toBe(2);
    expect(err).toMatch(/E_CONFIG: bad.yaml:\d+/);
    writeFileSync(path.join(dir, 'bad2.yaml'), 'port: "eighty"\n');
    expect(await run('agents', 'list', '--config', 'bad2.yaml')).toBe(2);
    expect(err).toMatch(/E_CONFIG: bad2.yaml port: Invalid input: expected number/);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('db backup copies the live database with the online backup API; the copy opens and holds the data', async () => {
    expect(await run('agents', 'add', 'fe1', '--data', 'pd')).toBe(0);
    const store = createSqliteStore({ file: path.join(dir, 'pd/planner.sqlite'), now: () => new Date() });
    const t = '2026-11-22T10:00:00.000Z';
    store.commitReports([{ id: 'rep-00000001', agentId: 'fe1', collector: 'x', receivedAt: t, startedAt: t, finishedAt: t, durationMs: 1, ok: true, raw: '{}', observations: [] }]);
    // The planner still has the database open while the backup runs.
    expect(await run('db', 'backup', '--data', 'pd', 'copy.sqlite', '--json')).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ integrity: 'ok', reports: 1, tokens: 1 });
    store.close();
    const copy = createSqliteStore({ file: path.join(dir, 'copy.sqlite'), now: () => new Date() });
    expect(copy.hasReport('rep-00000001')).toBe(true);
    expect(copy.getToken('fe1')?.role).toBe('agent');
    copy.close();
    expect(await run('db', 'backup', '--data', 'nowhere', 'x.sqlite')).toBe(2);
    expect(err).toMatch(/E_STORE_OPEN: no planner database at .*nowhere/);
  });

  it('db backup with the store on PostgreSQL says to use pg_dump, without showing the password', async () => {
    writeFileSync(path.join(dir, 'planner.yaml'), 'store: postgres://lyncdr:s3cret@db1.contoso.example:5432/lyncdr\n');
    expect(await run('db', 'backup', '--config', 'planner.yaml', 'copy.sqlite')).not.toBe(0);
    expect(err).toMatch(/E_STORE_BACKUP: .*postgres:\/\/lyncdr@db1\.contoso\.example:5432\/lyncdr.*pg_dump/);
    expect(err).not.toContain('s3cret');
  });
});
