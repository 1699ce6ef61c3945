import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAgentConfig } from './config';
import { renderAgentConfig } from './config-template';

describe('the config init writes and agent.example.yaml', () => {
  it('init\'s file parses, keeps Windows paths and quotes as written, and runs no collector until one is uncommented', () => {
    const text = renderAgentConfig({ agentId: 'fe1-paris', planners: [{ url: 'wss://planner.contoso.com/agent', tokenFile: "C:\\ProgramData\\lyncdr\\o'brien.token" }], writtenAt: '2026-03-01' });
    const c = parseAgentConfig(text, 'agent.yaml');
    expect(c.planner).toEqual({ url: 'wss://planner.contoso.com/agent', tokenFile: "C:\\ProgramData\\lyncdr\\o'brien.token" });
    expect(c.collectors).toEqual({});
    expect(c.logging).toEqual({ dir: 'logs', level: 'info', maxBytes: 10485760, keep: 5 });
    const uncommented = text.replace(/^#( {2}\S.*|\s{4,}.*)$/gm, (_m, rest: string) => rest);
    expect(Object.keys(parseAgentConfig(uncommented, 'agent.yaml').collectors)).toEqual(['file-store', 'exports', 'backup-service', 'cms-replication', 'mirror-state']);
  });

  it('init\'s file for two planners lists them under planners:, each with its token file', () => {
    const text = renderAgentConfig({
      agentId: 'fe1-paris',
      planners: [
        { url: 'wss://planner-paris.contoso.com/agent', tokenFile: 'C:\\ProgramData\\lyncdr\\paris.token' },
        { url: 'wss://planner-lyon.contoso.com/agent', tokenFile: 'C:\\ProgramData\\lyncdr\\lyon.token' },
      ],
      writtenAt: '2026-03-01',
    });
    const c = parseAgentConfig(text, 'agent.yaml');
    expect(c.planner).toBeUndefined();
    expect(c.planners).toEqual([
      { url: 'wss://planner-paris.contoso.com/agent', tokenFile: 'C:\\ProgramData\\lyncdr\\paris.token' },
      { url: 'wss://planner-lyon.contoso.com/agent', tokenFile: 'C:\\ProgramData\\lyncdr\\lyon.token' },
    ]);
    expect(c.outboxRetentionHours).toBe(168);
    // The commented retention line is the default.
    expect(parseAgentConfig(text.replace('# outboxRetentionHours: 168', 'outboxRetentionHours: 168'), 'agent.yaml').outboxRetentionHours).toBe(168);
  });

  it('the commented two-planner example of the one-planner file is valid once put in place of planner:', () => {
    const text = renderAgentConfig({ agentId: 'fe1', planners: [{ url: 'wss://planner.contoso.com/agent', tokenFile: 'agent.token' }], writtenAt: '2026-03-01' });
    const example = text.split('\n').filter((l) => /^# (planners:| {2}- \{ url:)/.test(l)).map((l) => l.slice(2)).join('\n');
    const swapped = text.replace(/^planner:\n(?: {2}.*\n)+/m, `${example}\n`);
    expect(parseAgentConfig(swapped, 'agent.yaml').planners).toHaveLength(2);
  });

  it('agent.example.yaml (shipped in the zip) parses', () => {
    const c = parseAgentConfig(readFileSync(new URL('../agent.example.yaml', import.meta.url), 'utf8'), 'agent.example.yaml');
    expect(Object.keys(c.collectors)).toEqual(['file-store', 'exports', 'backup-service', 'cms-replication', 'mirror-state']);
    expect(c.planner?.tokenFile).toBe('C:\\ProgramData\\lyncdr\\agent.token');
  });
});
