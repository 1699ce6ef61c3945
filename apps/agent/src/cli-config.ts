import path from 'node:path';
import { readRegularFileSync } from '@lyncdr/collectors';
import { LyncdrError } from '@lyncdr/errors';
import { createPowerShellBridge } from './bridge/powershell';
import { parseAgentConfig, plannersOf, withPlannerTokens, type AgentConfig, type PlannerTarget } from './config';
import { DPAPI_PREFIX, resolveToken, tokenFilePath } from './token';
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

/** Whether a token file is already protected with DPAPI (an unreadable file is not: protect-token says why). */
export function isTokenFileProtected(file: string, baseDir: string): boolean {
  try {
    return readTokenFile(tokenFilePath(file, baseDir)).trim().startsWith(DPAPI_PREFIX);
  } catch {
    return false;
  }
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

/** A planner of the config with its token resolved, and where that token came from (for messages). */
export interface PlannerWithToken extends PlannerTarget {
  token: string;
  tokenSource: string;
}

/**
 * The config with every planner's token filled in from its sources (config, token file, and for a single planner the
 * environment); each planner's entry is named in the error when its token is missing.
 */
export async function withToken(loaded: LoadedConfig, env: NodeJS.ProcessEnv): Promise<{ config: AgentConfig; planners: PlannerWithToken[] }> {
  const { config } = loaded;
  const targets = plannersOf(config);
  const deps = { env, baseDir: loaded.dir, readFile: readTokenFile, bridge: () => createPowerShellBridge(config.powershell) };
  const planners: PlannerWithToken[] = [];
  for (const t of targets) {
    const token = await resolveToken(t, deps, t.key, targets.length === 1);
    if (!token) {
      const env = targets.length === 1 ? ', or the LYNCDR_AGENT_TOKEN environment variable' : '; each planner needs its own token';
      throw new LyncdrError('E_AGENT_CONFIG', `${t.key}.token: no agent token in ${loaded.file}; set ${t.key}.tokenFile (or ${t.key}.token${env})`, { location: { file: loaded.file, where: `${t.key}.tokenFile` } });
    }
    planners.push({ ...t, token: token.token, tokenSource: token.source });
  }
  return { config: withPlannerTokens(config, planners.map((p) => p.token)), planners };
}
