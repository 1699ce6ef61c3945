import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guidOf, lsnOf, writeSyntheticBackup } from '../packages/sql-backup/src/testing/synthetic-backup';
import { repoRoot } from './planner-helpers';

/*
 * The CLI on a real terminal: run under `script`, which gives it a pseudo-terminal and records what it writes there
 * (stdout and stderr together, as a person sees them). On a terminal long work draws a progress line on stderr and
 * statuses are coloured; NO_COLOR takes the colours away; --json, and output into a pipe, carry neither.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-tty-'));
const main = path.join(repoRoot, 'apps/planner/src/cli/main.ts');
const src = path.join(dir, 'share');
const bak = path.join(dir, 'copy');
const sql = path.join(dir, 'sql');
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** Colour codes (SGR foreground) and the progress line's erase-line code. */
const COLOUR = /\x1b\[3\dm/; // eslint-disable-line no-control-regex
const ERASE = '\r\x1b[2K';

function env(extra: Record<string, string> = {}) {
  const e: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm', ...extra };
  delete e.NODE_EXTRA_CA_CERTS;
  if (!('NO_COLOR' in extra)) delete e.NO_COLOR;
  return e;
}

/** The command under a pseudo-terminal: what appeared on it, and the command's exit code. */
function onTerminal(args: string[], extra: Record<string, string> = {}) {
  const command = ['node', '--import', 'tsx', main, ...args].map(quote).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: repoRoot, env: env(extra), encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, screen: r.stdout };
}

/** The command with stdout and stderr into pipes. */
function piped(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { cwd: repoRoot, env: env(), encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  for (let i = 0; i < 40; i++) {
    const f = path.join(src, `1-WebServices-1/CollabContent/f${i}.dat`);
    mkdirSync(path.dirname(f), { recursive: true });
    writeFileSync(f, `file ${i}`);
  }
  cpSync(src, bak, { recursive: true, preserveTimestamps: true });
  mkdirSync(sql);
  for (let n = 0; n < 30; n++) {
    await writeSyntheticBackup(path.join(sql, `db${n}.bak`), { database: `db${n}`, server: 'SQL1', type: 'D', firstLsn: lsnOf(9, 10), lastLsn: lsnOf(9, 20), start: '2024-03-07T01:00:00', backupSetGuid: guidOf(20_000 + n), size: 32 * 1024 });
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lyncdr on a terminal', () => {
  it('verify filestore: a progress line redrawn on the terminal, cleared before the report; OK in green', () => {
    const r = onTerminal(['verify', 'filestore', src, bak]);
    expect(r.code).toBe(0);
    expect(r.screen).toContain(`${ERASE}lyncdr verify filestore: walking ${src} and ${bak}`);
    expect(r.screen).toMatch(/lyncdr verify filestore: compared \d+ entries/);
    expect(r.screen).toContain(`${ERASE}\x1b[32mOK\x1b[39m: ${src}`);
  }, 150_000);

  it('verify filestore with findings: FINDINGS and the codes in red', () => {
    writeFileSync(path.join(src, '1-WebServices-1/CollabContent/new.dat'), 'not backed up');
    try {
      const r = onTerminal(['verify', 'filestore', src, bak]);
      expect(r.code).toBe(1);
      expect(r.screen).toContain('\x1b[31mFINDINGS\x1b[39m');
      expect(r.screen).toContain('\x1b[31mFS_MISSING\x1b[39m');
    } finally {
      rmSync(path.join(src, '1-WebServices-1/CollabContent/new.dat'));
    }
  }, 150_000);

  it('verify sql over many files: progress of the headers read, then a coloured summary', () => {
    const r = onTerminal(['verify', 'sql', sql]);
    expect(r.code).toBe(0);
    expect(r.screen).toMatch(/\r\x1b\[2Klyncdr verify sql: read \d+\/30 backup headers/); // eslint-disable-line no-control-regex
    expect(r.screen).toContain(`${ERASE}DATABASE `);
    expect(r.screen).toMatch(/SQL1 \/ db0\s+\x1b\[32mOK\x1b\[39m\s/); // eslint-disable-line no-control-regex
  }, 150_000);

  it('documents: one progress line per document written', () => {
    const out = path.join(dir, 'docs');
    const r = onTerminal(['documents', path.join(repoRoot, 'examples/two-site/topology.xml'), '--lang', 'en', '--format', 'md', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.screen).toMatch(/\r\x1b\[2Klyncdr documents: 1\/\d+ worksheet-/); // eslint-disable-line no-control-regex
    expect(r.screen).toMatch(/wrote \d+ documents/);
  }, 150_000);

  it('NO_COLOR: no colours (progress still drawn)', () => {
    const r = onTerminal(['verify', 'filestore', src, bak], { NO_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.screen).not.toMatch(COLOUR);
    expect(r.screen).toContain(`${ERASE}OK: ${src}`);
  }, 150_000);

  it('--json on a terminal: the JSON only, no progress and no colour', () => {
    const r = onTerminal(['verify', 'filestore', src, bak, '--json']);
    expect(r.code).toBe(0);
    expect(r.screen).not.toContain('\x1b[');
    expect(JSON.parse(r.screen).ok).toBe(true);
    const s = onTerminal(['verify', 'sql', sql, '--json']);
    expect(s.screen).not.toContain('\x1b[');
    expect(JSON.parse(s.screen).databases).toHaveLength(30);
  }, 150_000);

  it('piped: plain text, nothing on stderr', () => {
    const f = piped(['verify', 'filestore', src, bak]);
    expect(f.code).toBe(0);
    expect(f.err).toBe('');
    expect(f.out).not.toContain('\x1b[');
    expect(f.out).toMatch(/^OK: /);
    const s = piped(['verify', 'sql', sql]);
    expect(s.err).toBe('');
    expect(s.out).not.toContain('\x1b[');
  }, 150_000);
});
