import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { readRegularFile } from '@lyncdr/collectors';
import { formatError, isLyncdrError, LyncdrError } from '@lyncdr/errors';
import { createAgent } from './agent';
import { parseAgentConfig } from './config';
import { createStderrLogger, silentLogger } from './logger';
import { defaultConfigPath, isWindowsPath } from './windows-paths';

export interface AgentCliIo {
  stdout: (t: string) => void;
  stderr: (t: string) => void;
  cwd: string;
  /** Resolves when the service should stop (SIGINT/SIGTERM for the real process). */
  untilStopped: () => Promise<void>;
}

const DEFAULT_CONFIG = defaultConfigPath();

/** Largest agent config read (a real one is a few kB). */
const MAX_CONFIG_BYTES = 1024 * 1024;

async function loadConfig(file: string, cwd: string) {
  const full = isWindowsPath(file) ? file : path.resolve(cwd, file);
  let text: string;
  try {
    text = (await readRegularFile(full, { what: 'agent config', shown: file, maxBytes: MAX_CONFIG_BYTES })).toString('utf8');
  } catch (e) {
    throw new LyncdrError('E_AGENT_CONFIG', `${(e as Error).message}; pass --config <agent.yaml>`, { cause: e });
  }
  const config = parseAgentConfig(text, file);
  // A relative outboxDir is taken from the config file's folder; a Windows path is kept as written.
  const outboxDir = isWindowsPath(config.outboxDir) || path.isAbsolute(config.outboxDir) ? config.outboxDir : path.resolve(path.dirname(full), config.outboxDir);
  return { ...config, outboxDir };
}

/** `lyncdr-agent start [--config agent.yaml]` and `lyncdr-agent run-once --collector X [--config f] [--json]`. Returns the exit code. */
export async function runAgentCli(argv: string[], io: AgentCliIo): Promise<number> {
  let code = 0;
  const program = new Command('lyncdr-agent')
    .description('The lyncdr agent: runs collectors on a Lync server and sends their reports to the planner.')
    .configureOutput({ writeOut: (t) => io.stdout(t), writeErr: (t) => io.stderr(t) })
    .exitOverride();
  program
    .command('start')
    .description('Run as a service: schedule the collectors, keep the outbox, stay connected to the planner.')
    .option('--config <file>', 'agent config (YAML)', DEFAULT_CONFIG)
    .action(async (o: { config: string }) => {
      const agent = createAgent({ config: await loadConfig(o.config, io.cwd), logger: createStderrLogger(io.stderr) });
      await agent.start();
      // Listen for the stop signal before saying "started", so a stop sent right after is never missed.
      const stopped = io.untilStopped();
      io.stderr(`lyncdr-agent: started (outbox ${agent.outboxDepth()} pending)\n`);
      await stopped;
      await agent.stop();
    });
  program
    .command('run-once')
    .description('Run one collector now, queue its report in the outbox and print it. Exit 1 when it has findings.')
    .requiredOption('--collector <id>', 'collector id (file-store, exports, backup-service, cms-replication, mirror-state, …)')
    .option('--config <file>', 'agent config (YAML)', DEFAULT_CONFIG)
    .option('--json', 'print the report as one JSON document')
    .action(async (o: { collector: string; config: string; json?: boolean }) => {
      const config = await loadConfig(o.config, io.cwd);
      if (!config.collectors[o.collector]) {
        throw new LyncdrError('E_AGENT_CONFIG', `collectors.${o.collector} is not in ${o.config}; add its settings there (and a schedule)`);
      }
      const agent = createAgent({ config, logger: o.json ? silentLogger : createStderrLogger(io.stderr) });
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
