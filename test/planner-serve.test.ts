import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectSimAgent } from '../apps/planner/src/testing/sim-agent';
import { startTestPlanner } from '../apps/planner/src/testing/test-planner';
import { cliMain, repoRoot, startPlannerProcess } from './planner-helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lyncdr serve (real child process)', () => {
  it('with no config: bundled example, demo agent, real statuses, /healthz; graceful stop on SIGTERM', async () => {
    const data = path.join(dir, 'data');
    const p = await startPlannerProcess(['--port', '0', '--data', data]);
    try {
      expect((await fetch(`${p.url}/healthz`)).status).toBe(200);
      let counts: Record<string, number> = {};
      for (let i = 0; i < 300 && !(counts.ok && counts.late && counts.failed); i++) {
        counts = ((await (await fetch(`${p.url}/api/status`)).json()) as { counts: Record<string, number> }).counts;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(counts.ok).toBeGreaterThan(0);
      expect(counts.late).toBeGreaterThan(0);
      expect(counts.failed).toBeGreaterThan(0);
      const agents = (await (await fetch(`${p.url}/api/agents`)).json()) as { agents: { name: string; connected: boolean }[] };
      expect(agents.agents).toMatchObject([{ name: 'demo', connected: true }]);
      expect(((await (await fetch(`${p.url}/api/topology/versions`)).json()) as { versions: unknown[] }).versions).toHaveLength(1);
      expect((await fetch(`${p.url}/`)).headers.get('content-type')).toMatch(/^text\/html/);
      // A worksheet generated on demand with the current status, read back from the PDF.
      const pdf = await fetch(`${p.url}/api/documents/worksheet?kind=database&format=pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const file = path.join(dir, 'ws.pdf');
      writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toMatch(/Rtc database/);
      expect(text).toMatch(/\b(OK|Ok|Late|Failed)\b/);
      expect((await fetch(`${p.url}/api/documents/nope`)).status).toBe(400);
      // A runbook and a plan generated on demand for the loaded deployment.
      const runbook = await fetch(`${p.url}/api/documents/runbook?procedure=pool-failover&pool=pool01.contoso.example&format=md&lang=fr`);
      expect(runbook.status).toBe(200);
      const md = await runbook.text();
      expect(md).toMatch(/Invoke-CsPoolFailOver -PoolFqdn pool01\.contoso\.example/);
      expect(md).toMatch(/basculement/i);
      const planRes = await fetch(`${p.url}/api/plan?goal=failover&pool=pool01.contoso.example&state=${encodeURIComponent(JSON.stringify({ failedOver: {}, down: ['pool01.contoso.example'], cmsActive: null }))}`);
      expect(planRes.status).toBe(200);
      const planJson = (await planRes.json()) as { steps: { n: number; command: string | null }[] };
      expect(planJson.steps.some((s) => /^Invoke-CsPoolFailOver -PoolFqdn pool01\.contoso\.example -DisasterMode/.test(s.command ?? ''))).toBe(true);
    } finally {
      p.child.kill('SIGTERM');
    }
    expect((await p.exited).code).toBe(0);
    expect(p.stderr()).toMatch(/^\S+Z INFO {2}planner\.ready url=http:\/\/127\.0\.0\.1:\d+/m);
    expect(p.stderr()).toMatch(/planner\.stopped/);
    // The same records as JSON lines in <data>/logs/planner.log.
    const records = readFileSync(path.join(data, 'logs', 'planner.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { time: string; level: string; msg: string });
    expect(records.find((r) => r.msg === 'planner.ready')).toMatchObject({ level: 'info', url: p.url, items: expect.any(Number) });
    expect(records.at(-1)).toMatchObject({ level: 'info', msg: 'planner.stopped' });
    expect(records.every((r) => !Number.isNaN(Date.parse(r.time)))).toBe(true);
  });

  it('exits 2 with a clear message on a bad config, without a stack trace', () => {
    writeFileSync(path.join(dir, 'bad.yaml'), 'limits:\n  burst: -3\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', cliMain, 'serve', '--config', path.join(dir, 'bad.yaml')], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/E_CONFIG: .*bad\.yaml limits\.burst: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const port = spawnSync(process.execPath, ['--import', 'tsx', cliMain, 'serve', '--port', 'http'], { cwd: repoRoot, encoding: 'utf8' });
    expect(port.status).toBe(2);
    expect(port.stderr).toMatch(/E_USAGE: --port http is not a port number/);
  });
});

describe('wss with a configured certificate and key', () => {
  it('serves agents over TLS', async () => {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const p = await startTestPlanner({}, { tls: { cert: readFileSync(cert), key: readFileSync(key) } });
    try {
      expect(p.agentUrl).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/agent$/);
      const a = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: p.addAgent('fe1'), ca: readFileSync(cert) });
      a.hello();
      expect(await a.report('rep-fe1-000001')).toEqual({ id: 'rep-fe1-000001', duplicate: false });
      a.close();
      await expect(connectSimAgent(p.agentUrl, { agentId: 'fe1', token: 'x' })).rejects.toThrow(/self-signed|certificate/);
    } finally {
      await p.stop();
    }
  });
});
