import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { parseAgentConfig } from './config';
import { loadConfig, withToken } from './cli-config';
import { runAgentCli } from './cli';
import { createDeliveries } from './deliveries';
import { createIdGenerator } from './ids';
import { silentLogger } from './logger';
import { createOutbox } from './outbox';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-agent-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runAgentCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir, untilStopped: () => Promise.resolve(), env, platform: 'linux' });
  return { code, stdout, stderr };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

describe('lyncdr-agent with several planners', () => {
  it('test-connection checks every planner and says how many accept the agent', async () => {
    // One planner accepts this token (it answers the ping after the hello); nothing listens where the other should be.
    const server = createServer((_req, res) => res.writeHead(404).end());
    const wss = new WebSocketServer({ server, path: '/agent' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const up = (server.address() as net.AddressInfo).port;
    const down = await freePort();
    writeFileSync(path.join(dir, 'a.token'), 'token-a-0123456789\n');
    writeFileSync(
      path.join(dir, 'two.yaml'),
      `agentId: fe1\nplanners:\n  - { url: "ws://127.0.0.1:${up}/agent", tokenFile: a.token }\n  - { url: "ws://127.0.0.1:${down}/agent", token: "token-b-0123456789" }\noutboxDir: outbox\n`,
    );
    try {
      const r = await cli(['test-connection', '--config', 'two.yaml']);
      expect(r.stdout).toContain(`planner  ws://127.0.0.1:${up}/agent (planners.0)\nagent    fe1 (token from ${path.join(dir, 'a.token')})`);
      expect(r.stdout).toMatch(/ok\s+authenticate\s+the planner accepted the token of agent fe1/);
      expect(r.stdout).toContain(`planner  ws://127.0.0.1:${down}/agent (planners.1)\nagent    fe1 (token from planners.1.token)`);
      expect(r.stdout).toMatch(/FAILED\s+connect\s+127\.0\.0\.1:\d+: ECONNREFUSED/);
      expect(r.stdout).toMatch(/1 of 2 planners reachable and accepting this agent\n$/);
      expect(r.code).toBe(1);
    } finally {
      wss.close();
      server.close();
    }
  });

  it('each planner needs its own token: LYNCDR_AGENT_TOKEN serves one planner only, and the missing one is named', async () => {
    writeFileSync(path.join(dir, 'missing.yaml'), 'agentId: fe1\nplanners:\n  - { url: "ws://a.contoso.test/agent", token: "token-a-0123456789" }\n  - { url: "ws://b.contoso.test/agent" }\noutboxDir: outbox\n');
    await expect(withToken(loadConfig('missing.yaml', dir), { LYNCDR_AGENT_TOKEN: 'token-env-0123456789' })).rejects.toThrow(/^planners\.1\.token: no agent token in .*missing\.yaml; set planners\.1\.tokenFile \(or planners\.1\.token; each planner needs its own token\)/);
    writeFileSync(path.join(dir, 'one.yaml'), 'agentId: fe1\nplanner: { url: "ws://a.contoso.test/agent" }\noutboxDir: outbox\n');
    const one = await withToken(loadConfig('one.yaml', dir), { LYNCDR_AGENT_TOKEN: 'token-env-0123456789' });
    expect(one.planners).toMatchObject([{ key: 'planner', token: 'token-env-0123456789', tokenSource: 'environment variable LYNCDR_AGENT_TOKEN' }]);
    expect(one.config.planner?.token).toBe('token-env-0123456789');
    writeFileSync(path.join(dir, 'unreadable.yaml'), 'agentId: fe1\nplanners:\n  - { url: "ws://a.contoso.test/agent", token: "token-a-0123456789" }\n  - { url: "ws://b.contoso.test/agent", tokenFile: nope.token }\noutboxDir: outbox\n');
    await expect(withToken(loadConfig('unreadable.yaml', dir), {})).rejects.toThrow(/^planners\.1\.tokenFile: /);
  });

  it('init with two planners and a token file each writes a planners: list; a token file short is refused', async () => {
    writeFileSync(path.join(dir, 'paris.token'), 'token-paris-0123456789\n');
    writeFileSync(path.join(dir, 'lyon.token'), 'token-lyon-0123456789\n');
    const r = await cli(['init', '--planner', 'wss://planner-paris.contoso.test/agent', '--token-file', 'paris.token', '--planner', 'wss://planner-lyon.contoso.test/agent', '--token-file', 'lyon.token', '--agent-id', 'fe1', '--config', 'init/agent.yaml', '--no-check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const c = parseAgentConfig(readFileSync(path.join(dir, 'init/agent.yaml'), 'utf8'), 'agent.yaml');
    expect(c.planners).toEqual([
      { url: 'wss://planner-paris.contoso.test/agent', tokenFile: path.join(dir, 'paris.token') },
      { url: 'wss://planner-lyon.contoso.test/agent', tokenFile: path.join(dir, 'lyon.token') },
    ]);
    const short = await cli(['init', '--planner', 'wss://a.contoso.test/agent', '--planner', 'wss://b.contoso.test/agent', '--token-file', 'paris.token', '--config', 'init2/agent.yaml', '--no-check']);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/E_USAGE: give one --token-file per --planner, in the same order \(2 planner\(s\), 1 token file\(s\)\)/);
  });

  it('status shows, without touching the outbox, what waits for each planner and what was dropped for it', async () => {
    const outboxDir = path.join(dir, 'status-outbox');
    writeFileSync(path.join(dir, 'status.yaml'), `agentId: fe1\nplanners:\n  - { url: "ws://a.contoso.test/agent", token: "token-a-0123456789" }\n  - { url: "ws://b.contoso.test/agent", token: "token-b-0123456789", outboxRetentionHours: 1 }\noutboxDir: status-outbox\n`);
    const { config } = loadConfig('status.yaml', dir);
    const newId = createIdGenerator(() => new Date('2026-11-22T10:00:00Z'));
    const outbox = createOutbox(outboxDir);
    const ids = [newId(), newId(), newId()];
    for (const id of ids) await outbox.put(id, '{}');
    const targets = [
      { key: 'planners.0', url: 'ws://a.contoso.test/agent', retentionMs: 168 * 3_600_000 },
      { key: 'planners.1', url: 'ws://b.contoso.test/agent', retentionMs: 3_600_000 },
    ];
    const deliveries = createDeliveries({ outbox, dir: outboxDir, targets, now: () => new Date('2026-11-22T12:00:00Z'), logger: silentLogger });
    await deliveries.ack('planners.0', ids[0]!);
    await deliveries.sweep((k) => k === 'planners.1');
    await deliveries.close();
    expect(config.outboxDir).toBe(outboxDir);

    const json = await cli(['status', '--config', 'status.yaml', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      outboxDir,
      reports: 2,
      planners: [
        { key: 'planners.0', url: 'ws://a.contoso.test/agent', waiting: 2, oldestWaiting: '2026-11-22T10:00:00.000Z', dropped: 0 },
        { key: 'planners.1', url: 'ws://b.contoso.test/agent', waiting: 0, oldestWaiting: null, dropped: 3 },
      ],
    });
    const text = await cli(['status', '--config', 'status.yaml']);
    expect(text.stdout).toBe(
      `outbox   ${outboxDir}: 2 report(s)\nplanner  ws://a.contoso.test/agent: 2 waiting (oldest made 2026-11-22T10:00:00.000Z), 0 dropped after the retention\nplanner  ws://b.contoso.test/agent: 0 waiting, 3 dropped after the retention\n`,
    );
  });

  it('protect-token protects the token file of every planner, saying which one already was', async () => {
    // protect-token.ps1 and unprotect-token.ps1 are replayed (no DPAPI here), as in commands/protect-token.test.ts.
    const replay = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/replay-powershell.mjs');
    const replayDir = path.join(dir, 'rec-planners');
    mkdirSync(replayDir, { recursive: true });
    const lyon = path.join(dir, 'protect-lyon.token');
    writeFileSync(path.join(dir, 'protect-paris.token'), 'dpapi:LocalMachine:AQAAANCMnd8BFdERjHoAwE/Cl+s=\n');
    writeFileSync(lyon, 'token-lyon-0123456789\n');
    writeFileSync(path.join(replayDir, 'protect-token.json'), JSON.stringify([{ args: { Path: lyon, Scope: 'LocalMachine' }, writeFile: { path: lyon, content: 'dpapi:LocalMachine:AAAA' }, stdout: { path: lyon, scope: 'LocalMachine' } }]));
    writeFileSync(path.join(replayDir, 'unprotect-token.json'), JSON.stringify([{ args: { Path: lyon }, stdout: { token: 'token-lyon-0123456789' } }]));
    writeFileSync(
      path.join(dir, 'protect.yaml'),
      `agentId: fe1\nplanners:\n  - { url: "ws://a.contoso.test/agent", tokenFile: protect-paris.token }\n  - { url: "ws://b.contoso.test/agent", tokenFile: protect-lyon.token }\noutboxDir: outbox\npowershell: { executable: ${JSON.stringify(replay)}, timeoutMs: 20000 }\n`,
    );
    const before = process.env.LYNCDR_REPLAY_DIR;
    process.env.LYNCDR_REPLAY_DIR = replayDir;
    try {
      const r = await cli(['protect-token', '--config', 'protect.yaml']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^protect-paris\.token is already protected\nprotected .*protect-lyon\.token with DPAPI \(LocalMachine\)/);
      expect(readFileSync(lyon, 'utf8')).toBe('dpapi:LocalMachine:AAAA');
    } finally {
      if (before === undefined) delete process.env.LYNCDR_REPLAY_DIR;
      else process.env.LYNCDR_REPLAY_DIR = before;
    }
  });
});
