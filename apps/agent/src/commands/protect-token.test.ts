import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createPowerShellBridge } from '../bridge/powershell';
import { readTokenFile } from '../cli-config';
import { resolveToken } from '../token';
import { runProtectToken } from './protect-token';

// protect-token.ps1 and unprotect-token.ps1 are replayed (no DPAPI here): the recordings say what they print and,
// for protect-token.ps1, what it writes to the token file.
const here = path.dirname(fileURLToPath(import.meta.url));
const replay = path.resolve(here, '../../test/replay-powershell.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-protect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TOKEN = 'tok-0123456789abcdef';

function setup(name: string, recordings: (file: string) => { protect: unknown[]; unprotect: unknown[] }) {
  const replayDir = path.join(dir, `rec-${name}`);
  const file = path.join(dir, `${name}.token`);
  writeFileSync(file, `${TOKEN}\r\n`);
  mkdirSync(replayDir, { recursive: true });
  const r = recordings(file);
  writeFileSync(path.join(replayDir, 'protect-token.json'), JSON.stringify(r.protect));
  writeFileSync(path.join(replayDir, 'unprotect-token.json'), JSON.stringify(r.unprotect));
  const bridge = createPowerShellBridge({ executable: replay, timeoutMs: 20_000, maxOutputBytes: 1024 * 1024, env: { ...process.env, LYNCDR_REPLAY_DIR: replayDir } });
  return { file, bridge };
}

const deps = (bridge: ReturnType<typeof createPowerShellBridge>) => ({ env: {}, baseDir: dir, readFile: (f: string) => readFileSync(f, 'utf8'), bridge: () => bridge });

describe('protect-token and a DPAPI-protected token file', () => {
  it('encrypts in place (machine scope by default), checks that it decrypts, and the agent then reads the token through the bridge', async () => {
    const { file, bridge } = setup('ok', (f) => ({
      protect: [{ args: { Path: f, Scope: 'LocalMachine' }, writeFile: { path: f, content: 'dpapi:LocalMachine:AQAAANCMnd8BFdERjHoAwE/Cl+s=' }, stdout: { path: f, scope: 'LocalMachine' } }],
      unprotect: [{ args: { Path: f }, stdout: { token: TOKEN } }],
    }));
    const out: string[] = [];
    expect(await runProtectToken({ tokenFile: file, scope: 'machine' }, { stdout: (t) => out.push(t), cwd: dir }, bridge)).toBe(0);
    expect(out.join('')).toMatch(/protected .*ok\.token with DPAPI \(LocalMachine\)/);
    expect(readFileSync(file, 'utf8')).toMatch(/^dpapi:LocalMachine:/);
    expect(await resolveToken({ tokenFile: file }, deps(bridge))).toEqual({ token: TOKEN, source: `${file} (DPAPI)` });
  });

  it('fails when the script leaves the file in clear, or when it does not decrypt to the same token', async () => {
    const unchanged = setup('unchanged', (f) => ({ protect: [{ args: { Path: f }, stdout: { path: f, scope: 'CurrentUser' } }], unprotect: [] }));
    await expect(runProtectToken({ tokenFile: unchanged.file, scope: 'user' }, { stdout: () => {}, cwd: dir }, unchanged.bridge)).rejects.toThrow(/E_AGENT_TOKEN|is not protected/);
    const wrong = setup('wrong', (f) => ({
      protect: [{ args: { Path: f }, writeFile: { path: f, content: 'dpapi:CurrentUser:AAAA' }, stdout: { path: f, scope: 'CurrentUser' } }],
      unprotect: [{ args: { Path: f }, stdout: { token: 'some-other-token-000' } }],
    }));
    await expect(runProtectToken({ tokenFile: wrong.file, scope: 'user' }, { stdout: () => {}, cwd: dir }, wrong.bridge)).rejects.toThrow(/does not decrypt to the same token/);
  });

  it('a protected file that cannot be decrypted (another account, another server) is E_AGENT_TOKEN with what to do', async () => {
    const { file, bridge } = setup('foreign', (f) => ({
      protect: [],
      unprotect: [{ args: { Path: f }, stderr: 'Exception calling "Unprotect" with "3" argument(s): "Key not valid for use in specified state."\r\n', exit: 1 }],
    }));
    writeFileSync(file, 'dpapi:CurrentUser:AAAA');
    const e = await resolveToken({ tokenFile: file }, deps(bridge)).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'E_AGENT_TOKEN' });
    expect((e as Error).message).toMatch(/cannot decrypt .*Key not valid.*protect it again as the account that runs the agent/);
  });
});

describe('token sources', () => {
  const plain = { env: {}, baseDir: dir, readFile: readTokenFile, bridge: () => { throw new Error('no bridge for a plain file'); } };

  it('takes planner.token, then tokenFile (relative to the config folder, BOM and CRLF removed), then LYNCDR_AGENT_TOKEN', async () => {
    writeFileSync(path.join(dir, 'plain.token'), `\uFEFF${TOKEN}\r\n`);
    expect(await resolveToken({ token: 'inline-token-123', tokenFile: 'plain.token' }, plain)).toEqual({ token: 'inline-token-123', source: 'planner.token' });
    expect(await resolveToken({ tokenFile: 'plain.token' }, plain)).toEqual({ token: TOKEN, source: path.join(dir, 'plain.token') });
    expect(await resolveToken({}, { ...plain, env: { LYNCDR_AGENT_TOKEN: ' env-token-1234 ' } })).toEqual({ token: 'env-token-1234', source: 'environment variable LYNCDR_AGENT_TOKEN' });
    expect(await resolveToken({}, plain)).toBeNull();
  });

  it('names the file when it cannot be read or holds no real token', async () => {
    await expect(resolveToken({ tokenFile: 'missing.token' }, plain)).rejects.toThrow(/planner\.tokenFile: cannot read token file .*missing\.token: no such file/);
    await expect(resolveToken({ tokenFile: '.' }, plain)).rejects.toThrow(/planner\.tokenFile: token file .* is a folder/);
    writeFileSync(path.join(dir, 'short.token'), 'abc\n');
    await expect(resolveToken({ tokenFile: 'short.token' }, plain)).rejects.toThrow(/too short \(3 characters\)/);
  });
});
