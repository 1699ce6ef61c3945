import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { WINDOW } from '../apps/agent/src/agent';
import { createCliContext } from '../apps/planner/src/cli/context';
import { runCli } from '../apps/planner/src/cli/program';
import { killStartedPlanners, startGroupPlanner, type GroupPlanner } from './faults/planner-process';
import { repoRoot } from './planner-helpers';

/**
 * Two planners, one per site, and three agents (real `lyncdr-agent start` processes) reporting to both. Planner A is
 * killed (SIGKILL) for a minute while the agents keep reporting every second: B gets every report meanwhile and the
 * agents keep A's share in their outboxes. A comes back on the same data folder and catches up. Then B, the same.
 * In the end both planners hold every report each agent produced, each once, with its observations once.
 */
const OUTAGE_MS = 60_000;
const WAIT_MS = 90_000;
const AGENTS = ['fe1', 'fe2', 'fe3'];

const agentMain = path.join(repoRoot, 'apps/agent/src/main.ts');
// The agents run from their own folders, so tsx is named by its resolved location.
const tsx = pathToFileURL(createRequire(path.join(repoRoot, 'package.json')).resolve('tsx')).href;

/** The part of better-sqlite3 used here (the driver is a dependency of packages/store, loaded from there). */
interface Db {
  prepare(sql: string): { all(...params: unknown[]): unknown[] };
  close(): void;
}
const Database = createRequire(path.join(repoRoot, 'packages/store/package.json'))('better-sqlite3') as new (file: string, o?: { readonly?: boolean; fileMustExist?: boolean }) => Db;

function withDb<T>(file: string, read: (db: Db) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** The reports a planner stored, as `agent/id` (read-only: the planner may be writing). */
const storedReports = (file: string) => withDb(file, (db) => (db.prepare('SELECT agent, id FROM reports').all() as { agent: string; id: string }[]).map((r) => `${r.agent}/${r.id}`));

const until = async (what: string, ok: () => boolean, ms = WAIT_MS) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

/** A port free right now: the planner restarted after a kill must come back where the agents look for it. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

interface AgentProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Resolves once the agent says it started (it then listens for SIGTERM). */
  started: Promise<void>;
}
const agentProcesses = new Set<ChildProcess>();

function startAgent(dir: string, config: string): AgentProcess {
  const child = spawn(process.execPath, ['--import', tsx, agentMain, 'start', '--config', config], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  agentProcesses.add(child);
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => agentProcesses.delete(child));
  const started = new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      err = (err + d.toString()).slice(-20_000);
      if (/lyncdr-agent: started/.test(err)) resolve();
    });
    void exited.then((code) => reject(new Error(`the agent in ${dir} exited with ${code} before it started:\n${err}`)));
  });
  return { child, exited, started };
}

const stopAgent = async (a: AgentProcess) => {
  await a.started;
  process.kill(-a.child.pid!, 'SIGTERM');
  return a.exited;
};

describe('an agent reporting to two planners, one in each site', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-two-planners-'));
  afterAll(async () => {
    for (const c of agentProcesses) {
      try {
        process.kill(-c.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await killStartedPlanners();
    rmSync(dir, { recursive: true, force: true });
  });

  it('each planner gets every report once, whichever of them was down for a minute', async () => {
    const t0 = Date.now();
    // A file share and its backup copy for the file-store collector, the same for the three agents.
    const share = path.join(dir, 'share');
    const backup = path.join(dir, 'backup');
    for (const root of [share, backup]) {
      mkdirSync(path.join(root, '1-WebServices-1'), { recursive: true });
      writeFileSync(path.join(root, '1-WebServices-1', 'meeting.dat'), 'conference content');
    }

    // Two planners, each with its own data folder and its own token for each agent.
    const sites = await Promise.all(
      ['a', 'b'].map(async (name) => {
        const data = path.join(dir, `planner-${name}`);
        mkdirSync(data);
        const tokens: Record<string, string> = {};
        for (const agent of AGENTS) {
          let out = '';
          const ctx = createCliContext({ stdout: (t) => void (out += t), stderr: () => {}, cwd: data });
          expect(await runCli(['agents', 'add', agent, '--data', data, '--json'], ctx)).toBe(0);
          tokens[agent] = (JSON.parse(out) as { token: string }).token;
        }
        const config = path.join(data, 'planner.yaml');
        writeFileSync(config, `data: ${JSON.stringify(data)}\nlimits: { reportsPerMinute: 100000, burst: 100000 }\n`);
        return { name, data, tokens, config, db: path.join(data, 'planner.sqlite'), port: await freePort() };
      }),
    );
    const [siteA, siteB] = sites as [(typeof sites)[0], (typeof sites)[0]];
    const startPlanner = (s: typeof siteA) => startGroupPlanner(['--config', s.config, '--port', String(s.port)]);
    const planners = new Map<string, GroupPlanner>();
    for (const [s, p] of await Promise.all(sites.map(async (s) => [s, await startPlanner(s)] as const))) planners.set(s.name, p);

    // Three agents, each with both planners: A's token in a token file, B's in the config itself.
    const agentDirs = AGENTS.map((agent, i) => {
      const home = path.join(dir, agent);
      mkdirSync(home);
      writeFileSync(path.join(home, 'planner-a.token'), `${siteA.tokens[agent]}\n`);
      const collector = (schedule: string) =>
        `  file-store: { schedule: "${schedule}", source: ${JSON.stringify(share)}, backup: ${JSON.stringify(backup)}, subject: 'filestore:\\\\fs${i + 1}.contoso.test\\lyncshare' }\n`;
      const head = `agentId: ${agent}
planners:
  - { url: "ws://127.0.0.1:${siteA.port}/agent", tokenFile: planner-a.token }
  - { url: "ws://127.0.0.1:${siteB.port}/agent", token: "${siteB.tokens[agent]}" }
outboxDir: outbox
heartbeatSeconds: 2
reconnect: { initialMs: 200, maxMs: 1000 }
logging: { dir: logs, level: info }
`;
      writeFileSync(path.join(home, 'agent.yaml'), `${head}collectors:\n${collector('* * * * * *')}`);
      // The same agent without collectors: sends what its outbox still holds, and nothing new.
      writeFileSync(path.join(home, 'drain.yaml'), `${head}collectors: {}\n`);
      return home;
    });
    let agents = agentDirs.map((home) => startAgent(home, 'agent.yaml'));

    const outboxIds = () =>
      agentDirs.flatMap((home, i) => {
        const box = path.join(home, 'outbox');
        return existsSync(box) ? readdirSync(box).filter((f) => f.endsWith('.json')).map((f) => `${AGENTS[i]}/${f.slice(0, -5)}`) : [];
      });
    const perAgent = (ids: string[]) => AGENTS.map((a) => ids.filter((id) => id.startsWith(`${a}/`)).length);

    // Reports flow to both planners.
    await until('three reports of each agent on both planners', () =>
      sites.every((s) => perAgent(storedReports(s.db)).every((n) => n >= 3)),
    );

    for (const [down, up] of [
      [siteA, siteB],
      [siteB, siteA],
    ] as const) {
      const { signal } = await planners.get(down.name)!.kill('SIGKILL');
      expect(signal).toBe('SIGKILL');
      const downSince = Date.now();
      const before = storedReports(down.db).length;
      const upBefore = storedReports(up.db).length;
      await new Promise((r) => setTimeout(r, OUTAGE_MS));

      // While one planner is down, the other gets everything: what the agents keep (for the planner that is down) is
      // all stored on the one that is up.
      // (Polled: on a busy machine an agent's collector may lag behind the clock.)
      await until(`ten reports of each agent kept for planner ${down.name}`, () => perAgent(outboxIds()).every((n) => n >= 10));
      const waiting = outboxIds();
      await until(`planner ${up.name} to hold the ${waiting.length} reports kept for ${down.name}`, () => {
        const stored = new Set(storedReports(up.db));
        return waiting.every((id) => stored.has(id));
      });
      // (Counting instead would race: a report the kill caught after the one planner's ack but before the other's is in
      // the outbox and was already stored on the planner that is up before the outage began.)
      expect(storedReports(up.db).length).toBeGreaterThan(upBefore);
      expect(storedReports(down.db).length).toBe(before);

      // It comes back on the same data folder and port and catches up; what both planners hold leaves the outboxes.
      planners.set(down.name, await startPlanner(down));
      await until(`planner ${down.name} to catch up with the ${waiting.length} reports it missed`, () => {
        const stored = new Set(storedReports(down.db));
        const left = new Set(outboxIds());
        return waiting.every((id) => stored.has(id) && !left.has(id));
      });
      console.log(`two planners: ${down.name} down ${Math.round((Date.now() - downSince) / 1000)} s, ${waiting.length} reports kept for it, caught up`);
    }

    // The agents stop, then run once more without collectors to send what is still in their outboxes.
    expect(await Promise.all(agents.map(stopAgent))).toEqual([0, 0, 0]);
    agents = agentDirs.map((home) => startAgent(home, 'drain.yaml'));
    await Promise.all(agents.map((a) => a.started));
    await until('every outbox to drain', () => outboxIds().length === 0);
    expect(await Promise.all(agents.map(stopAgent))).toEqual([0, 0, 0]);
    for (const p of planners.values()) expect((await p.kill('SIGTERM')).code).toBe(0);

    // Each agent's log lines, read once.
    const logLines = agentDirs.map((home) => {
      const logs = path.join(home, 'logs');
      return readdirSync(logs)
        .filter((f) => f.endsWith('.log'))
        .flatMap((f) => readFileSync(path.join(logs, f), 'utf8').split('\n'));
    });
    // What the agents produced, from their own logs: one `file-store finished` line per report queued in the outbox.
    const produced = AGENTS.flatMap((agent, i) =>
      logLines[i]!.filter((l) => l.includes('"file-store finished')).map((l) => `${agent}/${(JSON.parse(l) as { id: string }).id}`),
    );
    expect(new Set(produced).size).toBe(produced.length);
    // A report is sent again only when a connection ended between the planner storing it and its ack reaching the
    // agent (a planner killed, an agent stopped): at most one window of reports in flight for each connection that
    // followed another to the same planner.
    const resent = logLines.map((lines) => lines.filter((l) => l.includes('"the planner already had this report"')).length);
    const followingConnections = logLines.map((lines) => lines.filter((l) => l.includes('"connected to ws://')).length - sites.length);
    expect(resent.every((n, i) => n <= WINDOW * followingConnections[i]!), `reports sent again per agent: ${resent.join(', ')}; connections after the first: ${followingConnections.join(', ')}`).toBe(true);
    for (const s of sites) {
      const stored = storedReports(s.db);
      // No loss, no duplicate: each planner holds exactly the reports produced, each once.
      expect(stored.length, `planner ${s.name}`).toBe(produced.length);
      expect(new Set(stored), `planner ${s.name}`).toEqual(new Set(produced));
      // The history holds each report's observation once (a replayed report adds none).
      const perReport = withDb(s.db, (db) => db.prepare('SELECT agent, report_id AS id, COUNT(*) AS n FROM observations GROUP BY agent, report_id').all() as { agent: string; id: string; n: number }[]);
      expect(perReport.length, `planner ${s.name}: reports with observations`).toBe(produced.length);
      expect(perReport.filter((r) => r.n !== 1), `planner ${s.name}: reports with repeated observations`).toEqual([]);
    }
    console.log(`two planners: ${produced.length} reports from ${AGENTS.length} agents, on both planners once each (sent again: ${resent.join(', ')}), in ${Math.round((Date.now() - t0) / 1000)} s`);
  }, 360_000);
});
