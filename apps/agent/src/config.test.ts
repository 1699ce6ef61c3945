import { describe, expect, it } from 'vitest';
import { parseAgentConfig, plannersOf, withPlannerTokens } from './config';

const base = `agentId: fe1
planner: { url: "wss://planner.contoso.test/agent", token: "0123456789abcdef" }
outboxDir: 'C:\\ProgramData\\lyncdr\\outbox'
collectors:
  file-store: { schedule: "0 */4 * * *", source: '\\\\fs1.contoso.test\\lyncshare', backup: '\\\\bk1\\lync\\filestore' }
`;

describe('agent config', () => {
  it('parses YAML and applies defaults', () => {
    const c = parseAgentConfig(base, 'agent.yaml');
    expect(c.powershell).toEqual({ executable: 'powershell.exe', timeoutMs: 120_000, maxOutputBytes: 16 * 1024 * 1024 });
    expect(c.heartbeatSeconds).toBe(30);
    expect(c.collectors['file-store']).toMatchObject({ schedule: '0 */4 * * *', source: '\\\\fs1.contoso.test\\lyncshare' });
    expect(c.outboxDir).toBe('C:\\ProgramData\\lyncdr\\outbox');
  });

  it.each([
    [base.replace('wss://', 'https://'), /E_AGENT_CONFIG|planner\.url: must be a ws:\/\/ or wss:\/\/ URL/],
    [base.replace('0 */4 * * *', 'every hour'), /collectors\.file-store\.schedule: is not a valid cron expression/],
    [base.replace('agentId: fe1\n', ''), /agentId: .*fix this key in agent\.yaml/],
    [base.replace('"0123456789abcdef"', '"short"'), /planner\.token: must be the agent token/],
  ])('names the key in error %#', (text, re) => {
    expect(() => parseAgentConfig(text, 'agent.yaml')).toThrow(re);
  });

  it('reports YAML syntax errors with the line', () => {
    try {
      parseAgentConfig('agentId: fe1\nplanner: [unclosed\n', 'agent.yaml');
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe('E_AGENT_CONFIG');
      expect((e as Error).message).toMatch(/agent\.yaml is not valid YAML/);
    }
  });

  it('takes planners: a list, each with its own token and optionally its own retention', () => {
    const text = base.replace(
      'planner: { url: "wss://planner.contoso.test/agent", token: "0123456789abcdef" }',
      `outboxRetentionHours: 72
planners:
  - { url: "wss://planner-paris.contoso.test/agent", tokenFile: 'C:\\ProgramData\\lyncdr\\paris.token' }
  - { url: "wss://planner-lyon.contoso.test/agent", token: "fedcba9876543210", outboxRetentionHours: 12 }`,
    );
    const c = parseAgentConfig(text, 'agent.yaml');
    expect(plannersOf(c)).toEqual([
      { key: 'planners.0', url: 'wss://planner-paris.contoso.test/agent', tokenFile: 'C:\\ProgramData\\lyncdr\\paris.token', retentionHours: 72 },
      { key: 'planners.1', url: 'wss://planner-lyon.contoso.test/agent', token: 'fedcba9876543210', retentionHours: 12 },
    ]);
    const resolved = withPlannerTokens(c, ['0123456789abcdef', 'fedcba9876543210']);
    expect(plannersOf(resolved).map((p) => p.token)).toEqual(['0123456789abcdef', 'fedcba9876543210']);
    // What createAgent checks again: the resolved config stays valid.
    expect(parseAgentConfig(JSON.stringify(resolved), 'agent.yaml').planners).toHaveLength(2);
  });

  it('keeps the single planner: one target named planner, 7 days of retention by default', () => {
    const c = parseAgentConfig(base, 'agent.yaml');
    expect(c.outboxRetentionHours).toBe(168);
    expect(plannersOf(c)).toEqual([{ key: 'planner', url: 'wss://planner.contoso.test/agent', token: '0123456789abcdef', retentionHours: 168 }]);
  });

  it.each([
    ['both planner and planners', base.replace('outboxDir:', 'planners: [{ url: "wss://b.contoso.test/agent", token: "0123456789abcdef" }]\noutboxDir:'), /^planners: give either planner \(one\) or planners \(a list\), not both/],
    ['neither', base.replace(/^planner: .*\n/m, ''), /^planner: missing: set planner \(url and tokenFile\), or planners/],
    ['an empty list', base.replace(/^planner: .*$/m, 'planners: []'), /^planners: list at least one planner/],
    [
      'a planner listed twice',
      base.replace(/^planner: .*$/m, 'planners: [{ url: "wss://a.contoso.test/agent", token: "0123456789abcdef" }, { url: "wss://a.contoso.test/agent", token: "0123456789abcdef" }]'),
      /^planners\.1\.url: wss:\/\/a\.contoso\.test\/agent is listed twice/,
    ],
    ['a bad URL in the list', base.replace(/^planner: .*$/m, 'planners: [{ url: "https://a.contoso.test/agent", token: "0123456789abcdef" }]'), /^planners\.0\.url: must be a ws:\/\/ or wss:\/\/ URL/],
    ['a retention of zero', base.replace('outboxDir:', 'outboxRetentionHours: 0\noutboxDir:'), /^outboxRetentionHours: /],
  ])('refuses %s, naming the key', (_what, text, re) => {
    try {
      parseAgentConfig(text, 'agent.yaml');
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe('E_AGENT_CONFIG');
      expect((e as Error).message).toMatch(re);
    }
  });
});
