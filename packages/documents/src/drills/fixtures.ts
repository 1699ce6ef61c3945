/**
 * Sample runs for the drill report's tests: a completed pool failover drill on the two-site example (one step failed
 * then retried, one skipped with its reason, evidence pasted), and an abandoned real run with unmeasured figures.
 */
import type { DrillReportInput, DrillReportStep } from './drill-report';

const step = (n: number, over: Partial<DrillReportStep>): DrillReportStep => ({
  n,
  title: `Step ${n}`,
  command: null,
  on: null,
  manual: false,
  status: 'pending',
  startedAt: null,
  endedAt: null,
  seconds: null,
  estimateMinutes: null,
  operators: [],
  notes: [],
  reason: null,
  evidence: [],
  ...over,
});

export function completedDrill(): DrillReportInput {
  return {
    id: 'run-20261204-0001',
    kind: 'drill',
    title: 'Pool failover rehearsal, Paris to Lyon',
    goal: 'failover --pool pool01.contoso.example',
    operator: 'Alice Martin',
    startedAt: '2026-12-04T06:00:00.000Z',
    finishedAt: '2026-12-04T06:27:40.000Z',
    outcome: 'completed',
    fingerprint: 'sha256:3f2a9c1b7e04',
    lyncdrVersion: '0.9.0',
    steps: [
      step(1, {
        title: 'Check the state of the pool pair',
        command: 'Get-CsPoolFabricState -PoolFqdn pool01.contoso.example',
        on: 'pool02.contoso.example',
        status: 'done',
        startedAt: '2026-12-04T06:00:00.000Z',
        endedAt: '2026-12-04T06:02:30.000Z',
        seconds: 150,
        estimateMinutes: 2,
        operators: ['Alice Martin'],
        evidence: [
          {
            name: 'fabric-state.txt',
            size: 12583,
            sha256: '9b74c9897bac770ffc029102a200c5de9b74c9897bac770ffc029102a200c5de',
            excerpt: 'PoolFqdn : pool01.contoso.example\r\nStatus   : Ready\tok\r\n',
          },
        ],
      }),
      step(2, {
        title: 'Fail the Central Management store over to pool02',
        command: 'Invoke-CsManagementServerFailover -BackupSqlServerFqdn sql02.contoso.example -BackupSqlInstanceName rtc -Force',
        on: 'pool02.contoso.example',
        status: 'done',
        startedAt: '2026-12-04T06:02:30.000Z',
        endedAt: '2026-12-04T06:12:30.000Z',
        seconds: 600,
        estimateMinutes: 5,
        operators: ['Alice Martin', 'Bruno Petit'],
        notes: ['First attempt failed: sql02 was not reachable on port 1433 (firewall rule missing).', 'Retried after the rule was added; succeeded.'],
        evidence: [
          { name: 'attempt-1.txt', size: 1, sha256: 'aa'.repeat(32), excerpt: 'Invoke-CsManagementServerFailover : Cannot connect to SQL Server sql02' },
        ],
      }),
      step(3, {
        title: 'Update the DNS record of the simple URLs',
        manual: true,
        status: 'skipped',
        estimateMinutes: 10,
        operators: ['Bruno Petit'],
        reason: 'Drill: the simple URLs stay on Paris; the DNS change is rehearsed with the network team separately.',
      }),
      step(4, {
        title: 'Fail pool01 over to pool02',
        command: 'Invoke-CsPoolFailOver -PoolFqdn pool01.contoso.example -DisasterMode',
        on: 'pool02.contoso.example',
        status: 'done',
        startedAt: '2026-12-04T06:12:30.000Z',
        endedAt: '2026-12-04T06:25:00.000Z',
        seconds: 750,
        estimateMinutes: 15,
        operators: ['Bruno Petit'],
      }),
    ],
    summary: {
      totalSeconds: 1660,
      usersDownSeconds: 1500,
      measuredRtoMinutes: 25,
      targetRtoMinutes: 30,
      microsoft: { rtoMinutes: '15–20', rpoMinutes: '5', ref: 'docs-sfb/disaster-recovery.md' },
      estimateMinutes: 32,
      events: 11,
    },
  };
}

export function abandonedRun(): DrillReportInput {
  return {
    id: 'run-20261205-0002',
    kind: 'real',
    title: 'Paris site outage',
    goal: 'failover --pool pool01.contoso.example',
    operator: 'Chloé Dubois',
    startedAt: '2026-12-05T23:55:00.000Z',
    finishedAt: '2026-12-06T00:10:00.000Z',
    outcome: 'abandoned',
    fingerprint: 'sha256:77aa01',
    lyncdrVersion: '0.9.0',
    steps: [
      step(1, {
        title: 'Check the state of the pool pair',
        status: 'failed',
        startedAt: '2026-12-05T23:56:00.000Z',
        endedAt: '2026-12-06T00:02:10.000Z',
        seconds: null,
        operators: ['Chloé Dubois'],
      }),
      step(2, { title: 'Fail pool01 over to pool02', estimateMinutes: null }),
    ],
    summary: {
      totalSeconds: 900,
      usersDownSeconds: null,
      measuredRtoMinutes: null,
      targetRtoMinutes: null,
      microsoft: null,
      estimateMinutes: null,
      events: 3,
    },
  };
}
