import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { createSampleTopology } from '@lyncdr/domain';
import { readRegularFile } from '@lyncdr/collectors';
import { LyncdrError } from '@lyncdr/errors';
import type { Topology } from '@lyncdr/topology';
import type { CliContext } from '../context';
import { loadDeployment } from '../io';
import { watchStopSignals, type StopSignals } from '../stop-signals';
import { loadPlannerConfig, type ConfigFlags } from '../../server/load-config';
import { createPlannerLogger } from '../../server/planner-logger';
import { startPlanner } from '../../server/start-planner';
import { loadDeployments } from './serve-deployments';
import { startDeployments } from '../../server/deployments/start-deployments';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The bundled example deployment (examples/two-site), from the repo root or the working directory. */
function bundledExample(cwd: string): { topology: string; overlay: string | null } | null {
  for (const root of [path.resolve(here, '../../../../..'), cwd]) {
    const topology = path.join(root, 'examples/two-site/topology.xml');
    if (existsSync(topology)) {
      const overlay = path.join(root, 'examples/two-site/lyncdr.yaml');
      return { topology, overlay: existsSync(overlay) ? overlay : null };
    }
  }
  return null;
}

async function readPem(file: string, what: string): Promise<Buffer> {
  try {
    return await readRegularFile(file, { what: `TLS ${what}`, shown: file, maxBytes: 1024 * 1024 });
  } catch (e) {
    throw new LyncdrError('E_CONFIG', `${(e as Error).message}; check tls.${what} in the config`, { cause: e });
  }
}

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('run the planner: agents at /agent, HTTP API, scheduled evaluation and alerts (no options: demo with the bundled example)')
    .option('--config <planner.yaml>', 'planner config (see apps/planner/planner.example.yaml)')
    .option('--port <n>', 'port to listen on (0 picks a free one)')
    .option('--host <address>', 'address to listen on (default 127.0.0.1)')
    .option('--data <dir>', 'data folder for the SQLite database (default ./data)')
    .option('--store <url>', 'keep the data in PostgreSQL (postgres://user:password@host:5432/database) instead of SQLite')
    .option('--topology <file>', 'deployment topology (published XML, .tbxml or CMS export zip)')
    .option('--overlay <lyncdr.yaml>', 'overlay for the topology')
    .option('--demo', 'run an in-process demo agent against generated sample backup folders')
    .action(async (o: ConfigFlags) => {
      // Listening from the start: a Ctrl-C while the planner is still starting stops it as soon as it is up.
      const signals = ctx.stopSignals ?? watchStopSignals({ stderr: ctx.stderr });
      try {
        await serve(o, ctx, signals);
      } finally {
        signals.dispose();
      }
    });
}

async function serve(o: ConfigFlags, ctx: CliContext, signals: StopSignals): Promise<void> {
  const embedded = !o.config && !o.topology;
  const config = await loadPlannerConfig(o, ctx.cwd);
  let topology: Topology | null = null;
  if (config.topology) {
    topology = await loadDeployment(config.topology, config.overlay ?? undefined, ctx.cwd);
  } else if (embedded) {
    const example = bundledExample(ctx.cwd);
    topology = example ? await loadDeployment(example.topology, example.overlay ?? undefined, ctx.cwd) : createSampleTopology();
    config.demo = true;
  }
  const tls = config.tls ? { cert: await readPem(config.tls.cert, 'cert'), key: await readPem(config.tls.key, 'key') } : null;
  const logger = createPlannerLogger(config, { terminal: (line) => ctx.stderr(line), now: ctx.now });
  const { log } = logger;
  try {
    const planner = config.deployments
      ? await startDeployments({ config, deployments: await loadDeployments(config.deployments, ctx.cwd), tls, now: ctx.now, log })
      : await startPlanner({ config, topology, tls, now: ctx.now, log });
    try {
      const agentUrl = 'agentUrl' in planner ? planner.agentUrl : `${planner.url.replace(/^http/, 'ws')}/d/<name>/agent`;
      if (signals.received === null) ctx.stdout(`lyncdr planner: ${planner.url}  (agents connect to ${agentUrl})\n`);
      const sig = await signals.wait();
      log.info('planner.stopping', { signal: sig });
    } finally {
      await planner.stop();
    }
    log.info('planner.stopped');
  } finally {
    logger.close();
  }
}
