import { parseAgentConfig } from '../../../apps/agent/src/config';
import { mutatedDocument } from '../harness/mutate';
import type { FuzzTarget } from '../harness/target';
import { yamlDictionary } from './seeds';

const enc = new TextEncoder();
const seeds = [
  enc.encode(
    [
      'agentId: fe01',
      'planner:',
      '  url: wss://planner.contoso.example:8470/agent',
      '  token: tok-0123456789abcdef',
      'outboxDir: C:\\ProgramData\\lyncdr\\outbox',
      'heartbeatSeconds: 30',
      'reconnect: { initialMs: 1000, maxMs: 60000 }',
      'powershell: { executable: powershell.exe, timeoutMs: 120000 }',
      'collectors:',
      '  file-store:',
      '    schedule: "0 */4 * * *"',
      '    roots: ["\\\\\\\\fs01.contoso.example\\\\lyncshare"]',
      '  sql-history: { schedule: "*/15 * * * *" }',
      '',
    ].join('\n'),
  ),
  enc.encode('agentId: a\nplanner: { url: "ws://127.0.0.1:1/agent", token: "12345678" }\noutboxDir: ./outbox\n'),
];

/** The agent's YAML config (schema, cron schedules). */
export const target: FuzzTarget = {
  name: 'agent-config',
  input: mutatedDocument(seeds, { tokens: [...yamlDictionary.tokens, '* * * * * *', '*/0 * * * *', '99 99 99 99 99', '0-59/1,'], nesting: yamlDictionary.nesting, maxBytes: yamlDictionary.maxBytes }),
  run: (bytes) => parseAgentConfig(new TextDecoder().decode(bytes), 'agent.yaml'),
};
