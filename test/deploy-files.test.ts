import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlannerConfig } from '../apps/planner/src/server/config';
import { startTestPlanner } from '../apps/planner/src/testing/test-planner';
import { readYaml } from '../packages/topology/src/index';
import { repoRoot } from './planner-helpers';

/*
 * The files of deploy/ against the real CLI: the planner is built into its own folder (beside dist, so packages
 * resolve as in an install) and every command line of the systemd units, the compose file, the Dockerfile and the
 * Windows scripts is run, or at least its flags are checked against that command's --help.
 */
const OUT = '.test-dist-deploy';
const plannerDir = path.join(repoRoot, 'apps/planner');
const builtCli = path.join(plannerDir, OUT, 'cli/main.js');
const deploy = (...p: string[]) => path.join(repoRoot, 'deploy', ...p);
const read = (...p: string[]) => readFileSync(deploy(...p), 'utf8');
const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-deploy-'));

beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'tools/build-app.mjs'), OUT], { cwd: plannerDir, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
}, 180_000);
afterAll(() => {
  rmSync(path.join(plannerDir, OUT), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the built CLI with plain node. */
function cli(args: string[]) {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return spawnSync(process.execPath, [builtCli, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, env });
}

/** A unit file as sections of key → values (a key may repeat). */
function parseUnit(text: string): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const head = /^\[(\w+)\]$/.exec(line);
    if (head) {
      section = head[1]!;
      out[section] = {};
      continue;
    }
    const kv = /^([A-Za-z]+)=(.*)$/.exec(line);
    expect(kv, `a key=value line in [${section}]: ${line}`).not.toBeNull();
    (out[section]![kv![1]!] ??= []).push(kv![2]!);
  }
  return out;
}

/** Splits a command line on blanks, honouring '…' and "…" quotes. */
function argv(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The CLI words of a command line that runs `node …/apps/planner/dist/cli/main.js <words>`. */
function cliWords(words: string[]): string[] {
  const at = words.findIndex((w) => w.endsWith('apps/planner/dist/cli/main.js') || w.endsWith('apps\\planner\\dist\\cli\\main.js'));
  expect(at, `runs the built CLI: ${words.join(' ')}`).toBeGreaterThan(0);
  expect(path.basename(words[at - 1]!)).toMatch(/^node(\.exe)?$/);
  return words.slice(at + 1);
}

/** Every `--flag` of the words is an option of that command's --help, which exits 0. */
function expectFlagsOf(command: string[], words: string[]) {
  const help = cli([...command, '--help']);
  expect(help.status, help.stderr).toBe(0);
  const flags = words.filter((w) => w.startsWith('--'));
  expect(flags.length).toBeGreaterThan(0);
  for (const f of flags) expect(help.stdout, `${command.join(' ')} ${f}`).toContain(`${f} `);
}

describe('deploy/systemd', () => {
  const planner = parseUnit(read('systemd/lyncdr-planner.service'));
  const backup = parseUnit(read('systemd/lyncdr-backup.service'));
  const timer = parseUnit(read('systemd/lyncdr-backup.timer'));

  it('the planner unit runs `serve --config` with options serve has', () => {
    const words = cliWords(argv(planner.Service!.ExecStart![0]!));
    expect(words.slice(0, 2)).toEqual(['serve', '--config']);
    expectFlagsOf(['serve'], words);
    expect(planner.Install!.WantedBy).toEqual(['multi-user.target']);
    expect(planner.Service!.ReadWritePaths).toEqual(['/var/lib/lyncdr']);
  });

  it('the backup unit runs `db backup`, and that command line, run against a real database, makes a copy', async () => {
    const line = backup.Service!.ExecStart![0]!.replace(/%%/g, '%');
    const shell = /^\/bin\/sh -c '(.*)'$/.exec(line);
    expect(shell).not.toBeNull();
    const words = cliWords(argv(shell![1]!.replace(/^exec /, '')));
    expect(words.slice(0, 2)).toEqual(['db', 'backup']);
    expectFlagsOf(['db', 'backup'], words);

    // The same words with this machine's paths: the config and the out file in a temp folder.
    const data = path.join(dir, 'data');
    const p = await startTestPlanner({}, { dir: data });
    p.addAgent('fe01');
    await p.stop();
    writeFileSync(path.join(dir, 'planner.yaml'), `data: ${JSON.stringify(data)}\n`);
    const out = path.join(dir, 'planner-20261204T0315Z.sqlite');
    const args = words.map((w) => (w === '/etc/lyncdr/planner.yaml' ? path.join(dir, 'planner.yaml') : w.includes('/var/backups/lyncdr/') ? out : w));
    const r = cli(args);
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(0);
  });

  it('the timer starts the backup unit every night and catches up a missed run', () => {
    expect(timer.Timer).toMatchObject({ Unit: ['lyncdr-backup.service'], Persistent: ['true'] });
    expect(timer.Timer!.OnCalendar).toHaveLength(1);
  });

  const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
  it.skipIf(analyze.status !== 0)(`systemd-analyze verify accepts the three units${analyze.status !== 0 ? ' (skipped: systemd-analyze is not installed here)' : ''}`, () => {
    // Copies with this machine's node, so that the check of ExecStart's executable holds wherever node is.
    const units = ['lyncdr-planner.service', 'lyncdr-backup.service', 'lyncdr-backup.timer'].map((name) => {
      const copy = path.join(dir, name);
      writeFileSync(copy, read('systemd', name).replaceAll('/usr/bin/node', process.execPath));
      return copy;
    });
    const r = spawnSync('systemd-analyze', ['verify', '--man=no', ...units], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr.trim()).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('deploy/docker', () => {
  const dockerfile = read('docker/Dockerfile');
  const compose = readYaml(read('docker/compose.yaml'));
  const spec = compose.doc.toJS() as {
    services: Record<string, { build?: { context: string; dockerfile: string }; image: string; command: string[] | string; entrypoint?: string[]; ports?: string[]; volumes: string[] }>;
    volumes: Record<string, unknown>;
  };
  const json = (instruction: string) => JSON.parse(new RegExp(`^${instruction} (\\[.*\\])$`, 'm').exec(dockerfile)![1]!) as string[];

  it('the compose file parses; its planner runs the image\'s entry point with `serve --config` on the mounted config', () => {
    expect(compose.error).toBeNull();
    const planner = spec.services.planner!;
    expect(existsSync(path.resolve(deploy('docker'), planner.build!.context, planner.build!.dockerfile))).toBe(true);
    expect(planner.command).toEqual(json('CMD'));
    const words = cliWords(json('ENTRYPOINT').concat(planner.command as string[]));
    expectFlagsOf(['serve'], words);
    const config = words[words.indexOf('--config') + 1]!;
    expect(planner.volumes).toContain(`./planner.yaml:${config}:ro`);
  });

  it('the container\'s planner.yaml is a valid planner config whose port and data folder match the image and compose file', () => {
    const config = parsePlannerConfig(read('docker/planner.yaml'), 'deploy/docker/planner.yaml');
    expect(config.host).toBe('0.0.0.0');
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${config.port}$`, 'm'));
    expect(spec.services.planner!.ports).toEqual([`${config.port}:${config.port}`]);
    expect(dockerfile).toContain(`VOLUME ["${config.data}"]`);
    expect(spec.services.planner!.volumes).toContain(`lyncdr-data:${config.data}`);
    expect(Object.keys(spec.volumes)).toEqual(['lyncdr-data']);
  });

  it('the backup service runs `db backup` with options it has, on the same config and volume', () => {
    const b = spec.services.backup!;
    expect(b.image).toBe(spec.services.planner!.image);
    const script = (b.command as string[]).join(' ').replace(/\$\$/g, '$');
    const line = /node \S+ db backup [^;]+/.exec(script)![0]!;
    const words = cliWords(argv(line));
    expectFlagsOf(['db', 'backup'], words);
    expect(b.volumes).toEqual(expect.arrayContaining(spec.services.planner!.volumes));
  });

  const docker = spawnSync('docker', ['info'], { encoding: 'utf8', timeout: 30_000 });
  const dockerReady = docker.status === 0;
  if (!dockerReady) {
    const why = (docker.error?.message ?? docker.stderr.trim().split('\n').at(-1)) || `exit ${docker.status}`;
    console.info(`deploy-files: the Docker image is not built here, \`docker info\` fails: ${why}`);
  }
  it.skipIf(!dockerReady)(`the image builds and starts, answering /healthz${dockerReady ? '' : ' (skipped: `docker info` fails here, no Docker daemon)'}`, async () => {
    const tag = `lyncdr-planner-test:${process.pid}`;
    const build = spawnSync('docker', ['build', '-f', 'deploy/docker/Dockerfile', '-t', tag, '.'], { cwd: repoRoot, encoding: 'utf8', timeout: 900_000 });
    expect(build.status, build.stderr.slice(-3000)).toBe(0);
    const run = spawnSync('docker', ['run', '-d', '--rm', '-p', '127.0.0.1::8470', tag, 'serve', '--demo', '--host', '0.0.0.0', '--port', '8470', '--data', '/var/lib/lyncdr'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const id = run.stdout.trim();
    try {
      const port = spawnSync('docker', ['port', id, '8470/tcp'], { encoding: 'utf8' }).stdout.trim().split('\n')[0]!.split(':').at(-1);
      let ok = false;
      for (let i = 0; i < 120 && !ok; i++) {
        ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
        if (!ok) await new Promise((r) => setTimeout(r, 500));
      }
      expect(ok).toBe(true);
    } finally {
      spawnSync('docker', ['rm', '-f', id]);
      spawnSync('docker', ['rmi', '-f', tag]);
    }
  }, 1_000_000);
});

describe('deploy/windows', () => {
  it('the service runs `serve --config` through WinSW with options serve has', () => {
    const script = read('windows/install-planner-service.ps1');
    const args = /<arguments>"\$\(& \$esc \$cli\)" (.*)<\/arguments>/.exec(script)![1]!;
    expect(script).toContain(`$cli = Join-Path $InstallDir 'apps\\planner\\dist\\cli\\main.js'`);
    const words = argv(args);
    expect(words.slice(0, 2)).toEqual(['serve', '--config']);
    expectFlagsOf(['serve'], words);
  });

  it('the scheduled task runs `db backup --config` with options it has', () => {
    const script = read('windows/register-backup-task.ps1');
    const line = /& '\$Node' '\$cli' (db backup [^(]+)/.exec(script)![1]!;
    expectFlagsOf(['db', 'backup'], argv(line));
  });
});
