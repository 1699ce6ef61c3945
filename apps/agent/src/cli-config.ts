import path from 'node:path';
import { readRegularFileSync } from '@lyncdr/collectors';
import { LyncdrError } from '@lyncdr/errors';
import { createPowerShellBridge } from './bridge/powershell';
import { parseAgentConfig, type AgentConfig } from './config';
import { resolveToken, type ResolvedToken } from './token';
import { isWindowsPath } from './windows-paths';

export interface LoadedConfig {
  config: AgentConfig;
  /** The config file's folder: relative outboxDir, logging.dir and tokenFile are taken from it. */
  dir: string;
  file: string;
}

/** Reads a token file: a regular file only, at most 64 kB (a token is under 100 bytes, its DPAPI blob about 1 kB). */
export function readTokenFile(file: string): string {
  return readRegularFileSync(file, { what: 'token file', shown: file, maxBytes: 64 * 1024 }).toString('utf8');
}

function fromDir(p: string, dir: string): string {
  return isWindowsPath(p) || path.isAbsolute(p) ? p : path.resolve(dir, p);
}

/** Reads and checks agent.yaml; relative folders become absolute from the file's folder (Windows paths kept as written). */
export function loadConfig(file: string, cwd: string): LoadedConfig {
  const full = fromDir(file, cwd);
  let text: string;
  try {
    // Only a regular file, at most 1 MB: a device or FIFO given as the config must not hang the agent.
    text = readRegularFileSync(full, { what: 'agent config', shown: file, maxBytes: 1024 * 1024 }).toString('utf8');
  } catch (e) {
    throw new LyncdrError('E_AGENT_CONFIG', `${(e as Error).message}; pass --config <agent.yaml> or write one with lyncdr-agent init`, { cause: e });
  }
  const config = parseAgentConfig(text, file);
  const dir = isWindowsPath(full) ? path.win32.dirname(full) : path.dirname(full);
  const logging = { ...config.logging, dir: fromDir(config.logging.dir ?? 'logs', dir) };
  return { config: { ...config, outboxDir: fromDir(config.outboxDir, dir), logging }, dir, file: full };
}

/** The config with `planner.token` filled in from the token sources (config, token file, environment). */
export async function withToken(loaded: LoadedConfig, env: NodeJS.ProcessEnv): Promise<{ config: AgentConfig; token: ResolvedToken }> {
  const { config } = loaded;
  const token = await resolveToken(config.planner, {
    env,
    baseDir: loaded.dir,
    readFile: readTokenFile,
    bridge: () => createPowerShellBridge(config.powershell),
  });
  if (!token) {
    throw new LyncdrError('E_AGENT_CONFIG', `planner.token: no agent token in ${loaded.file}; set planner.tokenFile (or planner.token, or the LYNCDR_AGENT_TOKEN environment variable)`, { location: { file: loaded.file, where: 'planner.tokenFile' } });
  }
  return { config: { ...config, planner: { ...config.planner, token: token.token } }, token };
}
