import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LyncdrError } from '@lyncdr/errors';
import { parsePlannerConfig, PlannerConfig, resolveConfigPaths } from './config';

export interface ConfigFlags {
  config?: string;
  data?: string;
  port?: string;
  host?: string;
  topology?: string;
  overlay?: string;
  demo?: boolean;
}

/** The planner database inside the data folder. */
export const dbFile = (config: PlannerConfig) => path.join(config.data, 'planner.sqlite');

/** Reads planner.yaml when given (paths relative to it), else the defaults; command-line flags win. */
export async function loadPlannerConfig(flags: ConfigFlags, cwd: string): Promise<PlannerConfig> {
  let config: PlannerConfig;
  if (flags.config) {
    const file = path.resolve(cwd, flags.config);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new LyncdrError('E_INPUT', `cannot read config ${flags.config}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}; check the path`, { cause: e });
    }
    config = resolveConfigPaths(parsePlannerConfig(text, flags.config), path.dirname(file));
  } else {
    config = resolveConfigPaths(PlannerConfig.parse({}), cwd);
  }
  if (flags.data) config.data = path.resolve(cwd, flags.data);
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
  return config;
}
