import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAgentConfig } from './config';
import { renderAgentConfig } from './config-template';

describe('the config init writes and agent.example.yaml', () => {
  it('init\'s file parses, keeps Windows paths and quotes as written, and runs no collector until one is uncommented', () => {
    const text = renderAgentConfig({ agentId: 'fe1-paris', plannerUrl: 'wss://planner.contoso.com/agent', tokenFile: "C:\\ProgramData\\lyncdr\\o'brien.token", writtenAt: '2026-03-01' });
    const c = parseAgentConfig(text, 'agent.yaml');
    expect(c.planner).toEqual({ url: 'wss://planner.contoso.com/agent', tokenFile: "C:\\ProgramData\\lyncdr\\o'brien.token" });
    expect(c.collectors).toEqual({});
    expect(c.logging).toEqual({ dir: 'logs', level: 'info', maxBytes: 10485760, keep: 5 });
    const uncommented = text.replace(/^#( {2}\S.*|\s{4,}.*)$/gm, (_m, rest: string) => rest);
    expect(Object.keys(parseAgentConfig(uncommented, 'agent.yaml').collectors)).toEqual(['file-store', 'exports', 'backup-service', 'cms-replication', 'mirror-state']);
  });

  it('agent.example.yaml (shipped in the zip) parses', () => {
    const c = parseAgentConfig(readFileSync(new URL('../agent.example.yaml', import.meta.url), 'utf8'), 'agent.example.yaml');
    expect(Object.keys(c.collectors)).toEqual(['file-store', 'exports', 'backup-service', 'cms-replication', 'mirror-state']);
    expect(c.planner?.tokenFile).toBe('C:\\ProgramData\\lyncdr\\agent.token');
  });
});
