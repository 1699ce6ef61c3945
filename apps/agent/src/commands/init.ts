import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LyncdrError } from '@lyncdr/errors';
import { renderAgentConfig } from '../config-template';
import { readTokenFile } from '../cli-config';
import { resolveToken, tokenFilePath } from '../token';
import { createPowerShellBridge } from '../bridge/powershell';
import { isWindowsPath } from '../windows-paths';
import { runConnectionCheck } from './test-connection';

export interface InitOptions {
  /** The planners' agent endpoints, in order; with several, one token file each, in the same order. */
  planner: string[];
  tokenFile: string[];
  config: string;
  agentId?: string;
  force?: boolean;
  check: boolean;
}

/** A default agent id from the host name (the planner's token must have been issued for that name). */
export function defaultAgentId(host = os.hostname()): string {
  return host.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 128) || 'agent';
}

/** `init`: checks the connection with the given token file, then writes a commented agent.yaml. Returns the exit code. */
export async function runInit(o: InitOptions, io: { stdout: (t: string) => void; cwd: string; env: NodeJS.ProcessEnv }): Promise<number> {
  const file = isWindowsPath(o.config) || path.isAbsolute(o.config) ? o.config : path.resolve(io.cwd, o.config);
  if (existsSync(file) && !o.force) {
    throw new LyncdrError('E_USAGE', `${file} exists; pass --force to replace it, or edit it`);
  }
  for (const url of o.planner) {
    if (!/^wss?:\/\/\S+$/.test(url)) throw new LyncdrError('E_USAGE', `--planner ${url} is not a ws:// or wss:// URL (e.g. wss://planner.contoso.com/agent)`);
  }
  if (o.planner.length === 0) throw new LyncdrError('E_USAGE', 'pass --planner <wss://…/agent> and --token-file <file> (repeat both for a second planner)');
  if (o.planner.length !== o.tokenFile.length) {
    throw new LyncdrError('E_USAGE', `give one --token-file per --planner, in the same order (${o.planner.length} planner(s), ${o.tokenFile.length} token file(s))`);
  }
  if (new Set(o.planner).size !== o.planner.length) throw new LyncdrError('E_USAGE', 'a planner is given twice; give each --planner once');
  const agentId = o.agentId ?? defaultAgentId();
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(agentId)) throw new LyncdrError('E_USAGE', `--agent-id ${agentId}: use letters, digits, dot, dash and underscore`);
  const planners = o.planner.map((url, i) => ({ url, tokenFile: tokenFilePath(o.tokenFile[i]!, io.cwd) }));
  if (o.check) {
    let failed = 0;
    for (const [i, p] of planners.entries()) {
      if (i > 0) io.stdout('\n');
      const token = await resolveToken({ tokenFile: p.tokenFile }, { env: {}, baseDir: io.cwd, readFile: readTokenFile, bridge: () => createPowerShellBridge({ executable: 'powershell.exe', timeoutMs: 120_000, maxOutputBytes: 1024 * 1024 }) });
      if (!(await runConnectionCheck({ url: p.url, token: token!.token, agentId, tokenSource: token!.source }, io.stdout))) failed++;
    }
    if (failed) {
      io.stdout(`nothing written: fix the connection${planners.length > 1 ? 's' : ''}, then run init again (or pass --no-check to write ${file} anyway)\n`);
      return 1;
    }
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, renderAgentConfig({ agentId, planners, writtenAt: new Date().toISOString().slice(0, 10) }));
  io.stdout(`wrote ${file}: uncomment the collectors this server runs, then lyncdr-agent run-once --collector <id> --config ${file}\n`);
  return 0;
}
