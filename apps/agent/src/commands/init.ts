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
  planner: string;
  tokenFile: string;
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
  if (!/^wss?:\/\/\S+$/.test(o.planner)) throw new LyncdrError('E_USAGE', `--planner ${o.planner} is not a ws:// or wss:// URL (e.g. wss://planner.contoso.com/agent)`);
  const agentId = o.agentId ?? defaultAgentId();
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(agentId)) throw new LyncdrError('E_USAGE', `--agent-id ${agentId}: use letters, digits, dot, dash and underscore`);
  const tokenFile = tokenFilePath(o.tokenFile, io.cwd);
  if (o.check) {
    const token = await resolveToken({ tokenFile }, { env: {}, baseDir: io.cwd, readFile: readTokenFile, bridge: () => createPowerShellBridge({ executable: 'powershell.exe', timeoutMs: 120_000, maxOutputBytes: 1024 * 1024 }) });
    const ok = await runConnectionCheck({ url: o.planner, token: token!.token, agentId, tokenSource: token!.source }, io.stdout);
    if (!ok) {
      io.stdout(`nothing written: fix the connection, then run init again (or pass --no-check to write ${file} anyway)\n`);
      return 1;
    }
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, renderAgentConfig({ agentId, plannerUrl: o.planner, tokenFile, writtenAt: new Date().toISOString().slice(0, 10) }));
  io.stdout(`wrote ${file}: uncomment the collectors this server runs, then lyncdr-agent run-once --collector <id> --config ${file}\n`);
  return 0;
}
