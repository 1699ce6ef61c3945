/**
 * A stand-in for an agent writing its outbox: `node --import tsx outbox-writer.ts <outboxDir> <agentId> <bytes>`
 * puts reports of about <bytes> each into the real outbox (apps/agent/src/outbox.ts) one after another, printing
 * `put <id>` once each put has returned. The fault test kills it with SIGKILL in the middle of a write.
 */
import { createOutbox } from '../../apps/agent/src/outbox';
import { sampleReport } from '../../apps/planner/src/testing/sim-agent';
import { encode, envelope } from '../../packages/protocol/src/index';

const [dir = '', agentId = 'w01', bytesArg = '1000000'] = process.argv.slice(2);
const outbox = createOutbox(dir);
const blob = 'x'.repeat(Number(bytesArg));
for (let i = 1; ; i++) {
  const now = new Date();
  const id = `r-${agentId}-${String(i).padStart(6, '0')}-${process.pid}`;
  const report = sampleReport(now);
  report.observations[0]!.data = { files: i, padding: blob };
  await outbox.put(id, encode(envelope('report', report, { id, agentId, sentAt: now.toISOString() })));
  process.stdout.write(`put ${id}\n`);
}
