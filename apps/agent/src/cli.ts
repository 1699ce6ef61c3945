import os from 'node:os';
import { Command, CommanderError, Option } from 'commander';
import { formatError, isLyncdrError, LyncdrError } from '@lyncdr/errors';
import { createLineSink, createLogger, createRotatingFileSink, silentLogger, type Logger } from '@lyncdr/logger';
import { createAgent } from './agent';
import { createPowerShellBridge } from './bridge/powershell';
import { isTokenFileProtected, loadConfig, withToken } from './cli-config';
import { plannersOf } from './config';
import type { PlannerState } from './agent';
import { runInit } from './commands/init';
import { formatOutboxStatus, readOutboxStatus } from './outbox-status';
import { runProtectToken } from './commands/protect-token';
import { runConnectionCheck } from './commands/test-connection';
import { createStderrLogger } from './logger';
import { AGENT_VERSION } from './version';
import { defaultConfigPath } from './windows-paths';
import { windowsVersionWarning } from './windows-version';

export interface AgentCliIo {
  stdout: (t: string) => void;
  stderr: (t: string) => void;
  cwd: string;
  /** Resolves when the service should stop (SIGINT/SIGTERM for the real process). */
  untilStopped: () => Promise<void>;
  /** Where the token may come from (LYNCDR_AGENT_TOKEN); process.env when absent. */
  env?: NodeJS.ProcessEnv;
  /** The Windows check's inputs (process.platform and os.release() when absent). */
  platform?: NodeJS.Platform;
  osRelease?: string;
}

const DEFAULT_CONFIG = defaultConfigPath();

/**
 * `lyncdr-agent --version | init | test-connection | protect-token | run-once | start`. Returns the exit code: 0 ok,
 * 1 findings or a failed check, 2 bad usage or config.
 */
export async function runAgentCli(argv: string[], io: AgentCliIo): Promise<number> {
  let code = 0;
  const env = io.env ?? process.env;
  const program = new Command('lyncdr-agent')
    .description('The lyncdr agent: runs collectors on a Lync server and sends their reports to the planner.')
    .version(AGENT_VERSION, '-v, --version', 'print the agent version')
    .configureOutput({ writeOut: (t) => io.stdout(t), writeErr: (t) => io.stderr(t) })
    .exitOverride();
  // Said before every command, never fatal: the bundled Node.js 20 is not supported below Windows Server 2012 R2.
  program.hook('preAction', () => {
    const warning = windowsVersionWarning(io.platform ?? process.platform, io.osRelease ?? os.release());
    if (warning) io.stderr(`lyncdr-agent: ${warning}\n`);
  });

  program
    .command('init')
    .description('Check the connection to the planner(s) with a token file each, then write a commented agent.yaml.')
    .requiredOption('--planner <url>', 'the planner\'s agent endpoint, e.g. wss://planner.contoso.com/agent; repeat it for a second planner', collect, [])
    .requiredOption('--token-file <file>', 'file holding the token the planner issued for this agent; one per --planner, in the same order', collect, [])
    .option('--agent-id <name>', 'the name the token was issued for (default: this host name)')
    .option('--config <file>', 'where to write the config', DEFAULT_CONFIG)
    .option('--force', 'replace an existing config file')
    .option('--no-check', 'write the file without checking the connection')
    .action(async (o: { planner: string[]; tokenFile: string[]; agentId?: string; config: string; force?: boolean; check: boolean }) => {
      code = await runInit(o, { stdout: io.stdout, cwd: io.cwd, env });
    });

  program
    .command('test-connection')
    .description('Resolve, connect and authenticate to each planner; print what failed and what to do.')
    .option('--config <file>', 'agent config (YAML)', DEFAULT_CONFIG)
    .action(async (o: { config: string }) => {
      const { config, planners } = await withToken(loadConfig(o.config, io.cwd), env);
      let failed = 0;
      for (const [i, p] of planners.entries()) {
        if (i > 0) io.stdout('\n');
        const ok = await runConnectionCheck({ url: p.url, token: p.token, agentId: config.agentId, tokenSource: p.tokenSource, key: p.key }, io.stdout);
        if (!ok) failed++;
      }
      if (planners.length > 1) io.stdout(`\n${planners.length - failed} of ${planners.length} planners reachable and accepting this agent\n`);
      code = failed ? 1 : 0;
    });

  program
    .command('status')
    .description('Show the outbox: reports waiting for each planner, and those dropped for it after the retention.')
    .option('--config <file>', 'agent config (YAML)', DEFAULT_CONFIG)
    .option('--json', 'print the status as one JSON document')
    .action((o: { config: string; json?: boolean }) => {
      const { config } = loadConfig(o.config, io.cwd);
      const status = readOutboxStatus(config.outboxDir, plannersOf(config));
      io.stdout(o.json ? JSON.stringify({ outboxDir: config.outboxDir, ...status }, null, 2) + '\n' : formatOutboxStatus(status, config.outboxDir));
    });

  program
    .command('protect-token')
    .description('Encrypt the token file in place with Windows DPAPI (the agent decrypts it when it starts).')
    .option('--config <file>', 'agent config (YAML), for planner.tokenFile and the PowerShell settings', DEFAULT_CONFIG)
    .option('--token-file <file>', 'the token file (default: the tokenFile of each planner in the config)')
    .addOption(new Option('--scope <scope>', 'machine: any account on this server can decrypt, the file ACL protects it; user: only the account running this').choices(['machine', 'user']).default('machine'))
    .action(async (o: { config: string; tokenFile?: string; scope: 'machine' | 'user' }) => {
      const loaded = o.tokenFile ? null : loadConfig(o.config, io.cwd);
      const tokenFiles = o.tokenFile ? [o.tokenFile] : plannersOf(loaded!.config).flatMap((p) => (p.tokenFile ? [p.tokenFile] : []));
      if (!tokenFiles.length) throw new LyncdrError('E_USAGE', `no token file: pass --token-file, or set planner.tokenFile (planners[].tokenFile) in ${o.config}`);
      const bridge = createPowerShellBridge(loaded?.config.powershell ?? { executable: 'powershell.exe', timeoutMs: 120_000, maxOutputBytes: 1024 * 1024 });
      const cwd = loaded?.dir ?? io.cwd;
      for (const tokenFile of tokenFiles) {
        // With several planners, a file protected earlier is said and skipped, so the command can be run again.
        if (tokenFiles.length > 1 && isTokenFileProtected(tokenFile, cwd)) {
          io.stdout(`${tokenFile} is already protected\n`);
          continue;
        }
        code = Math.max(code, await runProtectToken({ tokenFile, scope: o.scope }, { stdout: io.stdout, cwd }, bridge));
      }
    });

  program
    .command('start')
    .description('Run as a service: schedule the collectors, keep the outbox, stay connected to the planner.')
    .option('--config <file>', 'agent config (YAML)', DEFAULT_CONFIG)
    .action(async (o: { config: string }) => {
      const loaded = loadConfig(o.config, io.cwd);
      const { config, planners } = await withToken(loaded, env);
      const file = createRotatingFileSink({
        dir: config.logging.dir!, maxBytes: config.logging.maxBytes, keep: config.logging.keep,
        onError: (e) => io.stderr(`lyncdr-agent: cannot write logs in ${config.logging.dir} (${e.message}); logging to stderr only\n`),
      });
      const logger = createLogger({ sinks: [createLineSink(io.stderr, 'pretty'), file], level: config.logging.level });
      logger.info('agent starting', { version: AGENT_VERSION, agentId: config.agentId, planners: planners.map((p) => p.url), config: loaded.file, pid: process.pid });
      const agent = createAgent({ config, logger });
      await agent.start();
      // Listen for the stop signal before saying "started", so a stop sent right after is never missed.
      const stopped = io.untilStopped();
      io.stderr(`lyncdr-agent: started (outbox ${agent.outboxDepth()} pending${describePlanners(agent.planners())})\n`);
      for (const p of agent.planners()) {
        if (p.dropped) logger.warn(`${p.dropped} report(s) were dropped for ${p.url} after the outbox retention, since the outbox began; the planner is told in the hello`, { planner: p.url, dropped: p.dropped });
      }
      await stopped;
      logger.info('agent stopping');
      await agent.stop();
      logger.info('agent stopped', { outbox: agent.outboxDepth(), planners: agent.planners().map(({ url, waiting, dropped }) => ({ url, waiting, dropped })) });
      file.close();
    });

  program
    .command('run-once')
    .description('Run one collector now, queue its report in the outbox and print it. Exit 1 when it has findings.')
    .requiredOption('--collector <id>', 'collector id (file-store, exports, backup-service, cms-replication, mirror-state, …)')
    .option('--config <file>', 'agent config (YAML)', DEFAULT_CONFIG)
    .option('--json', 'print the report as one JSON document')
    .action(async (o: { collector: string; config: string; json?: boolean }) => {
      const { config } = loadConfig(o.config, io.cwd);
      if (!config.collectors[o.collector]) {
        throw new LyncdrError('E_AGENT_CONFIG', `collectors.${o.collector} is not in ${o.config}; add its settings there (and a schedule)`);
      }
      const logger: Logger = o.json ? silentLogger : createStderrLogger(io.stderr);
      const agent = createAgent({ config, logger });
      const report = await agent.runOnce(o.collector);
      if (o.json) io.stdout(JSON.stringify(report, null, 2) + '\n');
      else {
        io.stdout(`${report.collector}: ${report.ok ? 'ok' : 'FINDINGS'} in ${report.durationMs} ms\n`);
        for (const obs of report.observations) {
          io.stdout(`  ${obs.ok ? 'ok      ' : 'FAILED  '} ${obs.subject}\n`);
          for (const f of obs.findings.slice(0, 20)) io.stdout(`    ${f.code}: ${f.message}\n`);
        }
        for (const f of report.findings) io.stdout(`  ${f.code}: ${f.message}\n`);
      }
      code = report.ok ? 0 : 1;
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version' ? 0 : 2;
    io.stderr(`lyncdr-agent: ${formatError(e)}\n`);
    return isLyncdrError(e) ? e.exitCode : 2;
  }
}

/** Commander's collector of a repeated option. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `; 2 waiting for wss://b/agent, 5 dropped for it` per planner with something to say; nothing for one planner with nothing. */
function describePlanners(list: PlannerState[]): string {
  return list
    .filter((p) => list.length > 1 || p.dropped > 0)
    .map((p) => `; ${p.waiting} waiting for ${p.url}${p.dropped ? `, ${p.dropped} dropped for it after the retention` : ''}`)
    .join('');
}
