import path from 'node:path';
import { readRegularFile } from '@lyncdr/collectors';
import { LyncdrError } from '@lyncdr/errors';
import { parsePlannerConfig, PlannerConfig, resolveConfigPaths } from './config';
import { checkDeployments } from './deployments/deployments-config';

export interface ConfigFlags {
  config?: string;
  data?: string;
  store?: string;
  port?: string;
  host?: string;
  topology?: string;
  overlay?: string;
  demo?: boolean;
}

/** Largest planner.yaml read (a real one is a few kB). */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** The planner database inside the data folder. */
export const dbFile = (config: PlannerConfig) => path.join(config.data, 'planner.sqlite');

/** Reads planner.yaml when given (paths relative to it), else the defaults; command-line flags win. */
export async function loadPlannerConfig(flags: ConfigFlags, cwd: string): Promise<PlannerConfig> {
  let config: PlannerConfig;
  if (flags.config) {
    const file = path.resolve(cwd, flags.config);
    const text = (await readRegularFile(file, { what: 'config', shown: flags.config, maxBytes: MAX_CONFIG_BYTES })).toString('utf8');
    config = resolveConfigPaths(parsePlannerConfig(text, flags.config), path.dirname(file));
  } else {
    config = resolveConfigPaths(PlannerConfig.parse({}), cwd);
  }
  if (flags.data) config.data = path.resolve(cwd, flags.data);
  if (flags.store) config.store = flags.store;
  if (flags.topology) config.topology = path.resolve(cwd, flags.topology);
  if (flags.overlay) config.overlay = path.resolve(cwd, flags.overlay);
  if (flags.host) config.host = flags.host;
  if (flags.demo) config.demo = true;
  if (flags.port !== undefined) {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new LyncdrError('E_USAGE', `--port ${flags.port} is not a port number (0-65535; 0 picks a free port)`);
    }
    config.port = port;
  }
  checkDeployments(config, flags.config ?? 'planner.yaml');
  return config;
}
