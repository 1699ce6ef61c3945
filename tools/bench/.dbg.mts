import { startDashboardPlanner } from '../../apps/planner/src/dashboard/testing/dashboard-planner';
import { connectSimAgent } from '../../apps/planner/src/server/sim-agent';
const p = await startDashboardPlanner({ total: 2000, evaluateDebounceMs: 1000 });
const agent = await connectSimAgent(p.agentUrl, { agentId: 'bench', token: p.addAgent('bench') });
agent.hello();
const res = await fetch(`${p.url}/api/events`, { headers: { authorization: `Bearer ${p.readToken}` } });
const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
let t0 = 0; let tReport = 0;
void (async () => { for (;;) { const { value, done } = await reader.read(); if (done) break; for (const m of value.matchAll(/event: (\w+)/g)) console.log(m[1], 'at +', Math.round(performance.now() - t0), 'ms after send; ack at +', Math.round(tReport - t0), value.length); } })();
for (let i = 0; i < 4; i++) {
  await new Promise((r) => setTimeout(r, 1500));
  const item = p.items[i * 7]!; const when = new Date().toISOString();
  t0 = performance.now();
  await agent.report(`dbg-report-${i}`, { collector: 'file-store', startedAt: when, finishedAt: when, observations: [{ kind: 'file-store', subject: item.id, itemId: item.id, lastGood: when, ok: true, findings: [], data: {} }] });
  tReport = performance.now();
}
await new Promise((r) => setTimeout(r, 1500));
const t1 = performance.now(); p.server.evaluator.evaluate(); console.log('evaluate()', Math.round(performance.now() - t1));
agent.close(); await p.stop(); process.exit(0);
