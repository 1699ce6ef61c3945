import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BridgeRunner } from '@lyncdr/collectors';
import { LyncdrError } from '@lyncdr/errors';
import { toPowerShellArgs, type ScriptArgs } from './args';
import { killTree } from './kill-tree';

export interface PowerShellBridgeOptions {
  /** `powershell.exe` on a Lync server; tests point it at the replay program. */
  executable: string;
  /** Arguments placed before `-NoProfile …` (e.g. the replay script when the executable is node). */
  executableArgs?: string[];
  scriptsDir?: string;
  timeoutMs: number;
  maxOutputBytes: number;
  env?: NodeJS.ProcessEnv;
}

/** The bridge's stable error codes. */
export const BridgeErrorCode = {
  spawn: 'E_BRIDGE_SPAWN',
  timeout: 'E_BRIDGE_TIMEOUT',
  exit: 'E_BRIDGE_EXIT',
  json: 'E_BRIDGE_JSON',
  tooLarge: 'E_BRIDGE_OUTPUT_LIMIT',
  script: 'E_BRIDGE_SCRIPT',
  noModule: 'E_BRIDGE_NO_MODULE',
} as const;

/**
 * Codes a script may name itself: it prints `lyncdr:<code>: <message>` on stderr and exits non-zero (the Lync bridge
 * scripts do so when neither the Lync nor the SkypeForBusiness module is installed). Any other code stays E_BRIDGE_EXIT.
 */
const SCRIPT_CODES = new Set<string>([BridgeErrorCode.noModule]);
const SCRIPT_LINE = /^lyncdr:(E_[A-Z_]+): *(.*)$/m;

/** The coded failure a script printed on stderr, or null when it printed none the bridge knows. */
export function scriptFailure(script: string, stderr: string): LyncdrError | null {
  const m = SCRIPT_LINE.exec(stderr);
  if (!m || !SCRIPT_CODES.has(m[1]!)) return null;
  return new LyncdrError(m[1] as (typeof BridgeErrorCode)['noModule'], `${script}: ${m[2]!.trim()}`);
}

const STDERR_KEEP = 8 * 1024;
const here = path.dirname(fileURLToPath(import.meta.url));
/** apps/agent/scripts, from the source tree (src/bridge) or the built bundle (dist); `scripts` beside lyncdr-agent.exe. */
export const defaultScriptsDir =
  [path.resolve(here, '../../scripts'), path.resolve(here, '../scripts'), path.resolve(here, 'scripts')].find((d) => existsSync(d)) ?? path.resolve(here, '../../scripts');

/**
 * The only Windows edge: runs `<executable> -NoProfile -NonInteractive -File <script> -Param value…`, reads the JSON
 * the script prints with ConvertTo-Json, and maps every failure (cannot start, timeout, non-zero exit, garbage,
 * output over the cap) to a LyncdrError with a stable code. Past the timeout or the output cap the process tree is
 * killed, and output beyond the cap is never held in memory.
 */
export function createPowerShellBridge(opts: PowerShellBridgeOptions): BridgeRunner {
  const scriptsDir = opts.scriptsDir ?? defaultScriptsDir;
  return {
    run(script, args = {}) {
      if (!/^[a-z0-9-]+\.ps1$/.test(script)) {
        return Promise.reject(new LyncdrError(BridgeErrorCode.script, `bridge script name ${JSON.stringify(script)} is not allowed; use a file of apps/agent/scripts`));
      }
      const file = path.join(scriptsDir, script);
      if (!existsSync(file)) {
        return Promise.reject(new LyncdrError(BridgeErrorCode.script, `bridge script ${file} does not exist; reinstall the agent or fix powershell.scriptsDir`));
      }
      const argv = [...(opts.executableArgs ?? []), '-NoProfile', '-NonInteractive', '-File', file, ...toPowerShellArgs(args as ScriptArgs)];
      return runProcess(opts, argv, script);
    },
  };
}

function runProcess(opts: PowerShellBridgeOptions, argv: string[], script: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(opts.executable, argv, {
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      detached: process.platform !== 'win32',
      env: opts.env ?? process.env,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let failure: LyncdrError | null = null;
    let settled = false;

    const fail = (err: LyncdrError) => {
      if (!failure) failure = err;
      killTree(child);
    };
    const timer = setTimeout(
      () => fail(new LyncdrError(BridgeErrorCode.timeout, `${script} did not finish within ${opts.timeoutMs} ms and was stopped; raise powershell.timeoutMs or check the server`)),
      opts.timeoutMs,
    );

    child.stdout.on('data', (b: Buffer) => {
      if (failure) return;
      size += b.length;
      if (size > opts.maxOutputBytes) {
        chunks.length = 0;
        child.stdout.destroy();
        fail(new LyncdrError(BridgeErrorCode.tooLarge, `${script} printed more than ${opts.maxOutputBytes} bytes and was stopped; narrow the query or raise powershell.maxOutputBytes`));
        return;
      }
      chunks.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      stderr = (stderr + b.toString('utf8')).slice(-STDERR_KEEP);
    });
    const finish = (result: () => unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try {
        resolve(result());
      } catch (e) {
        reject(e);
      }
    };
    child.on('error', (e) =>
      finish(() => {
        throw new LyncdrError(BridgeErrorCode.spawn, `cannot start ${opts.executable}: ${e.message}; check powershell.executable in the agent config`, { cause: e });
      }),
    );
    child.on('close', (code, signal) =>
      finish(() => {
        if (failure) throw failure;
        const err = stderr.trim();
        if (code !== 0) {
          const coded = scriptFailure(script, err);
          if (coded) throw coded;
          throw new LyncdrError(BridgeErrorCode.exit, `${script} exited with ${code ?? signal}${err ? `: ${lastLines(err)}` : ''}`);
        }
        const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '').trim();
        if (!text) return null;
        try {
          return JSON.parse(text);
        } catch (e) {
          throw new LyncdrError(BridgeErrorCode.json, `${script} printed something that is not JSON (starts with ${JSON.stringify(text.slice(0, 60))})${err ? `; stderr: ${lastLines(err)}` : ''}`, { cause: e });
        }
      }),
    );
  });
}

function lastLines(text: string): string {
  return text.split(/\r?\n/).filter(Boolean).slice(-3).join(' | ').slice(0, 500);
}
