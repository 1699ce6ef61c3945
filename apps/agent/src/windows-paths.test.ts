import { describe, expect, it } from 'vitest';
import { defaultConfigPath, isWindowsPath, uncPath, windowsLayout } from './windows-paths';

describe('Windows locations (path.win32 on every platform)', () => {
  it('lays out the agent data under ProgramData', () => {
    expect(windowsLayout()).toEqual({
      dataDir: 'C:\\ProgramData\\lyncdr',
      config: 'C:\\ProgramData\\lyncdr\\agent.yaml',
      outboxDir: 'C:\\ProgramData\\lyncdr\\outbox',
      logsDir: 'C:\\ProgramData\\lyncdr\\logs',
    });
    expect(windowsLayout('D:\\Data').outboxDir).toBe('D:\\Data\\lyncdr\\outbox');
  });

  it('builds file-store UNC paths', () => {
    expect(uncPath('fs1.contoso.test', 'lyncshare')).toBe('\\\\fs1.contoso.test\\lyncshare');
    expect(uncPath('\\\\fs1.contoso.test', 'lyncshare', '1-WebServices-1', 'CollabContent')).toBe('\\\\fs1.contoso.test\\lyncshare\\1-WebServices-1\\CollabContent');
  });

  it('recognises Windows paths and picks the default config per platform', () => {
    expect(isWindowsPath('\\\\fs1\\share\\x')).toBe(true);
    expect(isWindowsPath('C:\\Backup')).toBe(true);
    expect(isWindowsPath('/var/backup')).toBe(false);
    expect(isWindowsPath('backup\\x')).toBe(false);
    expect(defaultConfigPath('win32', 'C:\\ProgramData')).toBe('C:\\ProgramData\\lyncdr\\agent.yaml');
    expect(defaultConfigPath('linux')).toBe('agent.yaml');
  });
});
