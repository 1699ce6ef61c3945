import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../apps/planner/src/testing/run-cli';
import { runAgentCli } from '../apps/agent/src/cli';
import { AGENT_VERSION } from '../apps/agent/src/version';
import { VERSION } from '../apps/planner/src/server/version';
import { repoRoot } from './planner-helpers';

const readVersion = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
const rootVersion = readVersion(path.join(repoRoot, 'package.json'));
const manifests = ['apps', 'packages', 'tools']
  .flatMap((group) => readdirSync(path.join(repoRoot, group)).map((name) => path.join(repoRoot, group, name, 'package.json')))
  .filter((f) => existsSync(f));

describe('one version for the workspace', () => {
  it('the root package.json has a semver version', () => {
    expect(rootVersion).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
  });

  it('every package.json of apps/, packages/ and tools/ carries it', () => {
    expect(manifests.length).toBeGreaterThan(10);
    const differ = manifests.map((f) => [path.relative(repoRoot, f), readVersion(f)]).filter(([, v]) => v !== rootVersion);
    expect(differ).toEqual([]);
  });

  it('both apps report it', async () => {
    expect(VERSION).toBe(rootVersion);
    expect(AGENT_VERSION).toBe(rootVersion);
    const cli = await run(['--version']);
    expect(cli).toMatchObject({ code: 0, err: '' });
    expect(cli.out.trim()).toBe(rootVersion);
    let out = '';
    const code = await runAgentCli(['--version'], { stdout: (t) => void (out += t), stderr: () => {}, cwd: repoRoot, untilStopped: () => Promise.resolve(), platform: 'linux' });
    expect(code).toBe(0);
    expect(out.trim()).toBe(rootVersion);
  });

  it('CHANGELOG.md has a heading for it', () => {
    const changelog = readFileSync(path.join(repoRoot, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(new RegExp(`^## ${rootVersion!.replace(/\./g, '\\.')} — \\d{4}-\\d{2}-\\d{2}$`, 'm'));
  });
});
