import { spawnSync } from 'node:child_process';
import fsp from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

/**
 * A folder that can be made full and read-only: a tiny tmpfs mounted on it when this machine allows it (Linux, root,
 * mount permitted), else the same faults injected into node:fs/promises for that folder only (ENOSPC once it holds
 * `capacity` report files, EROFS while read-only). `mode` says which one is in use.
 */
export interface DiskFaults {
  mode: 'tmpfs' | 'injected';
  readOnly(on: boolean): void;
  dispose(): void;
}

const errno = (code: string, what: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: ${what}`), { code });

function tryTmpfs(dir: string, bytes: number): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || process.env.LYNCDR_FAULTS_INJECTED === '1') return false;
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'ignore' }).status === 0;
}

export function createDiskFaults(dir: string, capacity: number): DiskFaults {
  if (tryTmpfs(dir, capacity * 4096)) {
    const remount = (opt: string) => {
      const r = spawnSync('mount', ['-o', `remount,${opt}`, dir], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`mount -o remount,${opt} ${dir} failed: ${r.stderr}`);
    };
    return { mode: 'tmpfs', readOnly: (on) => remount(on ? 'ro' : 'rw'), dispose: () => void spawnSync('umount', ['-l', dir], { stdio: 'ignore' }) };
  }
  const real = { open: fsp.open, rename: fsp.rename, rm: fsp.rm };
  let ro = false;
  const inside = (p: unknown) => typeof p === 'string' && path.resolve(p).startsWith(path.resolve(dir) + path.sep);
  const patched = fsp as unknown as Record<keyof typeof real, unknown>;
  patched.open = (async (p: string, flags?: string, mode?: number) => {
    if (inside(p) && flags !== undefined && flags !== 'r') {
      if (ro) throw errno('EROFS', `read-only file system, open '${p}'`);
      if (readdirSync(dir).filter((n) => n.endsWith('.json')).length >= capacity) throw errno('ENOSPC', `no space left on device, write '${p}'`);
    }
    return real.open(p, flags, mode);
  }) as typeof fsp.open;
  patched.rename = (async (a: string, b: string) => {
    if (ro && (inside(a) || inside(b))) throw errno('EROFS', `read-only file system, rename '${a}'`);
    return real.rename(a, b);
  }) as typeof fsp.rename;
  patched.rm = (async (p: string, o?: Parameters<typeof fsp.rm>[1]) => {
    if (ro && inside(p)) throw errno('EROFS', `read-only file system, unlink '${p}'`);
    return real.rm(p, o);
  }) as typeof fsp.rm;
  syncBuiltinESMExports();
  return {
    mode: 'injected',
    readOnly: (on) => void (ro = on),
    dispose: () => {
      Object.assign(patched, real);
      syncBuiltinESMExports();
    },
  };
}
