/**
 * The oldest agent version this planner works fully with. An agent below it still connects and reports; the API and
 * the dashboard flag it for an upgrade (docs/agent.md, "Upgrade").
 */
export const MIN_AGENT_VERSION = '0.1.0';

/** Compares dotted versions numerically (`0.10.0` > `0.9.2`); a pre-release (`1.0.0-rc.1`) sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [main = '', pre] = v.trim().replace(/^v/, '').split('-', 2);
    return { nums: main.split('.').map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** True when the agent said a version and it is older than the minimum (unknown versions are not flagged). */
export function isAgentOutdated(version: string | null | undefined, min = MIN_AGENT_VERSION): boolean {
  return typeof version === 'string' && version.length > 0 && compareVersions(version, min) < 0;
}
