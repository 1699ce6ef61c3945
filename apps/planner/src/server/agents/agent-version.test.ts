import { describe, expect, it } from 'vitest';
import { compareVersions, isAgentOutdated, MIN_AGENT_VERSION } from './agent-version';

describe('agent versions', () => {
  it('compares numerically, a pre-release before its release', () => {
    expect(compareVersions('0.10.0', '0.9.2')).toBe(1);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBe(-1);
    expect(compareVersions('v2.1.0', '2.0.9')).toBe(1);
  });

  it('flags agents older than the minimum, not unknown ones', () => {
    expect(isAgentOutdated('0.0.9', '0.1.0')).toBe(true);
    expect(isAgentOutdated(MIN_AGENT_VERSION)).toBe(false);
    expect(isAgentOutdated(null)).toBe(false);
    expect(isAgentOutdated('0.2.0', '0.1.0')).toBe(false);
  });
});
