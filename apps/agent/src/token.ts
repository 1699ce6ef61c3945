import path from 'node:path';
import type { BridgeRunner } from '@lyncdr/collectors';
import { isLyncdrError, LyncdrError } from '@lyncdr/errors';
import { isWindowsPath } from './windows-paths';

/** What `protect-token` writes: `dpapi:<scope>:<base64 of the DPAPI blob>`, scope `LocalMachine` or `CurrentUser`. */
export const DPAPI_PREFIX = 'dpapi:';
export const TOKEN_ENV = 'LYNCDR_AGENT_TOKEN';

export interface TokenSources {
  token?: string;
  tokenFile?: string;
}

export interface ResolvedToken {
  token: string;
  /** Where it came from, for messages (never the token itself). */
  source: string;
}

export interface TokenDeps {
  env: NodeJS.ProcessEnv;
  readFile: (file: string) => string;
  /** The PowerShell bridge, to decrypt a DPAPI-protected token file (Windows only). */
  bridge: () => BridgeRunner;
  /** Folder a relative tokenFile is taken from (the config file's). */
  baseDir: string;
}

/** The token file's full path: a Windows path as written, a relative one from the config's folder. */
export function tokenFilePath(file: string, baseDir: string): string {
  return isWindowsPath(file) || path.isAbsolute(file) ? file : path.resolve(baseDir, file);
}

/**
 * The agent token, from the first of: `planner.token`, `planner.tokenFile` (plain text, or protected with DPAPI by
 * `protect-token` and decrypted here through unprotect-token.ps1), the LYNCDR_AGENT_TOKEN environment variable (only
 * when `useEnv`: an agent reporting to several planners holds one token per planner). `key` names the planner's entry
 * in messages (`planner`, `planners.1`).
 */
export async function resolveToken(src: TokenSources, deps: TokenDeps, key = 'planner', useEnv = true): Promise<ResolvedToken | null> {
  if (src.token) return { token: src.token, source: `${key}.token` };
  if (src.tokenFile) {
    const file = tokenFilePath(src.tokenFile, deps.baseDir);
    let text: string;
    try {
      text = deps.readFile(file).replace(/^\uFEFF/, '').trim();
    } catch (e) {
      const why = isLyncdrError(e) ? e.message : `cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
      throw new LyncdrError('E_AGENT_TOKEN', `${key}.tokenFile: ${why}; check the path and that the service account may read it`, { cause: e });
    }
    if (text.startsWith(DPAPI_PREFIX)) {
      const out = (await deps.bridge().run('unprotect-token.ps1', { Path: file }).catch((e: Error) => {
        throw new LyncdrError('E_AGENT_TOKEN', `cannot decrypt ${file} with DPAPI (${e.message}); protect it again as the account that runs the agent, or on this machine (protect-token)`, { cause: e });
      })) as { token?: unknown } | null;
      if (typeof out?.token !== 'string') throw new LyncdrError('E_AGENT_TOKEN', `unprotect-token.ps1 gave no token for ${file}; protect it again with protect-token`);
      return checked(out.token, `${file} (DPAPI)`);
    }
    return checked(text, file);
  }
  if (!useEnv) return null;
  const env = deps.env[TOKEN_ENV]?.trim();
  if (env) return checked(env, `environment variable ${TOKEN_ENV}`);
  return null;
}

function checked(token: string, source: string): ResolvedToken {
  if (token.length < 8) throw new LyncdrError('E_AGENT_TOKEN', `the token in ${source} is too short (${token.length} characters); paste the whole token the planner issued`);
  return { token, source };
}
