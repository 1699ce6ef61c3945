import path from 'node:path';

/**
 * Where the agent keeps its files on a Windows server, built with path.win32 whatever the platform the code runs on
 * (the planner and the tests run on Linux and still talk about Windows locations).
 */
export function windowsLayout(programData = 'C:\\ProgramData'): { dataDir: string; config: string; outboxDir: string; logsDir: string } {
  const dataDir = path.win32.join(programData, 'lyncdr');
  return { dataDir, config: path.win32.join(dataDir, 'agent.yaml'), outboxDir: path.win32.join(dataDir, 'outbox'), logsDir: path.win32.join(dataDir, 'logs') };
}

/** `\\server\share\sub\…` from parts, normalised (REFERENCE §f.1: the file store is `\\<file server FQDN>\<ShareName>`). */
export function uncPath(server: string, share: string, ...rest: string[]): string {
  const s = server.replace(/^[\\/]+/, '');
  return path.win32.join(`\\\\${s}\\${share}\\`, ...rest).replace(/\\$/, '');
}

/** True for `\\server\share…` and `C:\…` paths (Windows locations named in a config written on Windows). */
export function isWindowsPath(p: string): boolean {
  return /^(\\\\[^\\/]+[\\/][^\\/]+|[A-Za-z]:[\\/])/.test(p);
}

/** The default config file: beside the agent's data on Windows, `./agent.yaml` elsewhere. */
export function defaultConfigPath(platform: NodeJS.Platform = process.platform, programData = process.env.ProgramData): string {
  return platform === 'win32' ? windowsLayout(programData ?? 'C:\\ProgramData').config : 'agent.yaml';
}
