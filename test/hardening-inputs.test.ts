import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAgentCli } from '../apps/agent/src/cli';
import { createCliContext } from '../apps/planner/src/cli/context';
import { runCli } from '../apps/planner/src/cli/program';
import { repoRoot } from './planner-helpers';

/**
 * Special files given as inputs: a device reports size 0, so a limit checked on `stat` alone let `/dev/zero` be read
 * forever, and a FIFO with no writer blocked the open. Every input is refused unless it is a regular file.
 */
async function run(argv: string[], cwd = repoRoot): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx = createCliContext({ stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd, now: () => new Date('2026-11-22T20:00:00Z') });
  const code = await runCli(argv, ctx);
  return { code, out, err };
}

const posix = process.platform !== 'win32';
const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fifo(name: string): string | null {
  const p = path.join(dir, name);
  try {
    execFileSync('mkfifo', [p]);
    return p;
  } catch {
    return null;
  }
}

const topology = path.join(repoRoot, 'examples/two-site/topology.xml');
const overlay = path.join(repoRoot, 'examples/two-site/lyncdr.yaml');

describe.skipIf(!posix)('inputs that are not regular files', () => {
  it('topology show /dev/zero: E_INPUT, exit 2, at once', async () => {
    const r = await run(['topology', 'show', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/E_INPUT: topology \/dev\/zero is not a regular file/);
  });

  it('plan check --overlay, --state and the steps file: a device or a FIFO is refused, nothing hangs', async () => {
    const pipe = fifo('state.fifo');
    const cases: [string[], RegExp][] = [
      [['plan', 'check', '/dev/zero', '--topology', topology], /E_INPUT: steps file \/dev\/zero is not a regular file/],
      [['plan', 'failover', '--pool', 'x', '--topology', topology, '--overlay', '/dev/zero'], /E_INPUT: overlay \/dev\/zero is not a regular file/],
      [['plan', 'failover', '--pool', 'x', '--topology', topology, '--overlay', overlay, '--state', '/dev/urandom'], /E_INPUT: state file \/dev\/urandom is not a regular file/],
    ];
    if (pipe) cases.push([['plan', 'failover', '--pool', 'x', '--topology', topology, '--overlay', overlay, '--state', pipe], /E_INPUT: state file .*state\.fifo is not a regular file/]);
    for (const [argv, want] of cases) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toMatch(want);
    }
  });

  it('worksheet inputs, and a folder, are refused the same way', async () => {
    const w = await run(['worksheet', topology, '--overlay', overlay, '--status', '/dev/zero', '-o', path.join(dir, 'w.md')]);
    expect(w.code).toBe(2);
    expect(w.err).toMatch(/E_INPUT: status snapshot \/dev\/zero is not a regular file/);
    const d = await run(['topology', 'show', dir]);
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/E_INPUT: topology .* is a folder/);
  });

  it('serve --config /dev/zero and a FIFO config: E_INPUT, exit 2', async () => {
    const r = await run(['serve', '--config', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/E_INPUT: config \/dev\/zero is not a regular file/);
    const pipe = fifo('planner.fifo');
    if (pipe) {
      const p = await run(['serve', '--config', pipe]);
      expect(p.code).toBe(2);
      expect(p.err).toMatch(/is not a regular file/);
    }
  });

  it('serve --data naming a file says that the data folder is a file, with a code', async () => {
    const file = path.join(dir, 'passwd');
    writeFileSync(file, 'root:x:0:0::/root:/bin/sh\n');
    const r = await run(['serve', '--data', file, '--topology', topology, '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/E_DATA_FOLDER: the data folder .*passwd is a file/);
    expect(r.err).not.toMatch(/E_INTERNAL|EEXIST/);
  });

  it('a bad UTF-8 byte in a topology: its byte offset and line are named', async () => {
    const text = Buffer.from('<?xml version="1.0"?>\n<Topology>\n  <Site Name="Lyon"/>\n</Topology>\n');
    const at = text.indexOf('Lyon') + 1;
    text[at] = 0xe9;
    const file = path.join(dir, 'latin1.xml');
    writeFileSync(file, text);
    const r = await run(['topology', 'show', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`E_TOPOLOGY_ENCODING: .*latin1\\.xml:3: .*byte 0xE9 at byte offset ${at} \\(line 3\\)`));
  });

  it('the agent refuses a device or FIFO as its config', async () => {
    for (const file of ['/dev/zero', fifo('agent.fifo')].filter((f): f is string => f !== null)) {
      let err = '';
      const code = await runAgentCli(['run-once', '--collector', 'file-store', '--config', file], {
        stdout: () => {}, stderr: (t) => void (err += t), cwd: dir, untilStopped: () => new Promise(() => {}),
      });
      expect(code, file).toBe(2);
      expect(err, file).toMatch(/E_AGENT_CONFIG: agent config .* is not a regular file/);
    }
  });

  it('a regular file over the limit is refused; one within it is read', async () => {
    const big = path.join(dir, 'big.json');
    writeFileSync(big, Buffer.alloc(64 * 1024 * 1024 + 1, 0x20));
    const r = await run(['plan', 'failover', '--pool', 'x', '--topology', topology, '--overlay', overlay, '--state', big]);
    rmSync(big);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/E_INPUT_TOO_LARGE: state file .* is over the 67108864-byte limit/);
  });
});
