import { describe, expect, it } from 'vitest';
import { silentLogger } from '@lyncdr/logger';
import { createScheduler } from './scheduler';
import { connectSimAgent } from '../testing/sim-agent';
import { startTestPlanner } from '../testing/test-planner';

describe('scheduled evaluation (node-cron)', () => {
  it('re-evaluates on its schedule: a daily job that stops reporting goes late with no report and no API call', async () => {
    let clock = Date.parse('2026-11-22T10:00:00.000Z');
    const item = { id: 'sql:rtcxds@be1.contoso.test', name: 'rtcxds', frequency: { periodHours: 24 } };
    // Six-field expression: every second, so the test waits about a second, not a minute.
    const p = await startTestPlanner({ evaluation: { cron: '* * * * * *' } }, { schedule: true, now: () => new Date(clock), items: () => [item] });
    try {
      const a = await connectSimAgent(p.agentUrl, { agentId: 'be1', token: p.addAgent('be1'), now: () => new Date(clock) });
      a.hello(false, ['sql-files']);
      await a.report('rep-be1-000001', { collector: 'sql-files', observations: [{ kind: 'sql-files', subject: 'rtcxds', itemId: item.id, lastGood: new Date(clock).toISOString(), ok: true, findings: [], data: {} }] });
      a.close();
      const statusOf = () => p.store.currentStatus().find((s) => s.itemId === item.id)?.status;
      const wait = async (want: string) => {
        for (let i = 0; i < 60 && statusOf() !== want; i++) await new Promise((r) => setTimeout(r, 100));
        return statusOf();
      };
      expect(await wait('ok')).toBe('ok');
      clock += 31 * 3_600_000;
      expect(await wait('late')).toBe('late');
    } finally {
      await p.stop();
    }
  });

  it('refuses an invalid cron expression with the job named', () => {
    expect(() => createScheduler([{ name: 'evaluation', cron: 'every minute', run: () => {} }], silentLogger)).toThrow(/evaluation: "every minute" is not a valid cron expression/);
  });
});
