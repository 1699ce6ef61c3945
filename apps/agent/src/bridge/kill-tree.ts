import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Kills a child and everything it started. On Windows `taskkill /T /F` walks the tree; elsewhere the child was
 * spawned as the leader of its own process group, so the whole group is signalled.
 */
export function killTree(child: ChildProcess, platform: NodeJS.Platform = process.platform): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  if (platform === 'win32') {
    spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => child.kill('SIGKILL'));
    return;
  }
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}
