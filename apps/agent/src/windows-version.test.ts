import { describe, expect, it } from 'vitest';
import { windowsVersionWarning } from './windows-version';

describe('windowsVersionWarning', () => {
  it('says nothing off Windows and on Windows 10 / Server 2016 and later', () => {
    expect(windowsVersionWarning('linux', '6.1.0')).toBeNull();
    expect(windowsVersionWarning('win32', '10.0.14393')).toBeNull();
    expect(windowsVersionWarning('win32', '10.0.20348')).toBeNull();
  });

  it('calls Server 2012 R2 experimental and anything older unsupported, naming the version', () => {
    expect(windowsVersionWarning('win32', '6.3.9600')).toMatch(/^warning: Windows 6\.3\.9600 \(Windows Server 2012 R2 \/ 8\.1\) runs Node\.js 20 as an experimental platform/);
    expect(windowsVersionWarning('win32', '6.1.7601')).toMatch(/^warning: Windows 6\.1\.7601 \(Windows Server 2008 R2 \/ 7\) is older than Windows Server 2012 R2.*NODE_SKIP_PLATFORM_CHECK/);
    expect(windowsVersionWarning('win32', '6.2.9200')).toMatch(/Windows Server 2012 \/ 8\) is older/);
    expect(windowsVersionWarning('win32', 'garbage')).toMatch(/this Windows/);
  });
});
