import os from 'node:os';
import { createRegistry } from '@lyncdr/collectors';
import { checkConnection, formatCheck } from '../connection-check';
import { AGENT_VERSION } from '../version';

/** Runs the connection check for an agent and prints it; true when every step passed. */
export async function runConnectionCheck(
  a: { url: string; token: string; agentId: string; tokenSource: string; key?: string },
  out: (t: string) => void,
): Promise<boolean> {
  out(`planner  ${a.url}${a.key && a.key !== 'planner' ? ` (${a.key})` : ''}\nagent    ${a.agentId} (token from ${a.tokenSource})\n`);
  const r = await checkConnection({ url: a.url, token: a.token, agentId: a.agentId, version: AGENT_VERSION, host: os.hostname(), capabilities: createRegistry([]).ids() });
  out(formatCheck(r.steps));
  out(r.ok ? 'the agent can reach the planner and is accepted\n' : 'the agent cannot work with the planner yet: fix the step marked FAILED\n');
  return r.ok;
}
