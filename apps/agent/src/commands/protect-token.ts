import path from 'node:path';
import type { BridgeRunner } from '@lyncdr/collectors';
import { LyncdrError } from '@lyncdr/errors';
import { readTokenFile } from '../cli-config';
import { DPAPI_PREFIX, resolveToken } from '../token';
import { isWindowsPath } from '../windows-paths';

/**
 * `protect-token`: encrypts the token file in place with DPAPI (protect-token.ps1), then reads it back through
 * unprotect-token.ps1 and compares, so a file the service could not decrypt is never left behind silently.
 */
export async function runProtectToken(o: { tokenFile: string; scope: 'machine' | 'user' }, io: { stdout: (t: string) => void; cwd: string }, bridge: BridgeRunner): Promise<number> {
  const file = isWindowsPath(o.tokenFile) || path.isAbsolute(o.tokenFile) ? o.tokenFile : path.resolve(io.cwd, o.tokenFile);
  const deps = { env: {}, baseDir: io.cwd, readFile: readTokenFile, bridge: () => bridge };
  const before = await resolveToken({ tokenFile: file }, deps);
  if (readTokenFile(file).trim().startsWith(DPAPI_PREFIX)) throw new LyncdrError('E_USAGE', `${file} is already protected`);
  const scope = o.scope === 'user' ? 'CurrentUser' : 'LocalMachine';
  await bridge.run('protect-token.ps1', { Path: file, Scope: scope });
  if (!readTokenFile(file).trim().startsWith(DPAPI_PREFIX)) {
    throw new LyncdrError('E_AGENT_TOKEN', `protect-token.ps1 finished but ${file} is not protected; check the PowerShell output above and the file's permissions`);
  }
  const after = await resolveToken({ tokenFile: file }, deps);
  if (after?.token !== before?.token) throw new LyncdrError('E_AGENT_TOKEN', `${file} does not decrypt to the same token; write the token to the file again and rerun protect-token`);
  io.stdout(`protected ${file} with DPAPI (${scope}); it decrypts only on this server${scope === 'CurrentUser' ? ', as this account' : ''}. Keep its ACL to SYSTEM, Administrators and the service account.\n`);
  return 0;
}
