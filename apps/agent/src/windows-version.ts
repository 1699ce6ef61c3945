/**
 * The Windows versions the bundled Node.js 20 runs on (its BUILDING.md platform list): Windows 10 / Server 2016 and
 * later are supported; Windows 8.1 / Server 2012 R2 (NT 6.3) are "experimental"; below that node.exe itself refuses to
 * start unless NODE_SKIP_PLATFORM_CHECK=1, and nothing is supported. Returns the warning to print, or null.
 */
export function windowsVersionWarning(platform: NodeJS.Platform, release: string): string | null {
  if (platform !== 'win32') return null;
  const [major = 0, minor = 0] = release.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const nt = major * 100 + minor;
  if (nt >= 1000) return null;
  if (nt >= 603) {
    return `warning: Windows ${release} (Windows Server 2012 R2 / 8.1) runs Node.js 20 as an experimental platform; the agent works there, Windows Server 2016 or later is the supported base (docs/agent.md)`;
  }
  const name = nt === 602 ? 'Windows Server 2012 / 8' : nt === 601 ? 'Windows Server 2008 R2 / 7' : nt === 600 ? 'Windows Server 2008 / Vista' : 'this Windows';
  return (
    `warning: Windows ${release} (${name}) is older than Windows Server 2012 R2, the oldest Windows the bundled Node.js 20 runs on; ` +
    'it started only because NODE_SKIP_PLATFORM_CHECK is set and is not supported. Run the agent on a Windows Server 2012 R2 or later ' +
    'machine that reaches the same shares and Lync Management Shell (docs/agent.md, "Windows versions")'
  );
}
