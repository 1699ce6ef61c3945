import { describe, expect, it } from 'vitest';
import { parseAgentConfig } from './config';

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
});
