import type { DrillStrings } from './strings';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Groups thousands with commas: 12,583. */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const drillEn: DrillStrings = {
  title: { drill: 'Drill report', real: 'Failover report' },
  kind: { drill: 'Drill (rehearsal)', real: 'Real run' },
  outcome: { completed: 'Completed', abandoned: 'Abandoned', inProgress: 'In progress (not finished)' },
  status: { pending: 'Not started', running: 'In progress', done: 'Done', failed: 'Failed', skipped: 'Skipped' },
  header: {
    run: 'Run',
    runTitle: 'Title',
    kind: 'Kind',
    goal: 'Goal',
    operator: 'Operator',
    started: 'Started',
    finished: 'Finished',
    outcome: 'Outcome',
    fingerprint: 'Topology fingerprint',
    version: 'lyncdr version',
    generated: 'Generated',
    inputRevision: 'Input revision',
    timesUtc: 'All times are UTC.',
  },
  abandonedNote: 'This run was abandoned: the steps still marked “Not started” were not performed.',
  inProgressNote: 'This run is not finished: the figures are those known when this report was generated.',
  figures: {
    title: 'Measured figures',
    total: 'Total duration',
    usersDown: 'Time with users down',
    measuredRto: 'Measured RTO',
    targetRto: 'Target RTO (lyncdr.yaml)',
    microsoftRto: 'Microsoft’s engineering target',
    estimate: 'Plan’s estimate',
    difference: 'Difference with the estimate',
    steps: 'Steps',
    events: 'Recorded changes',
    noTarget: 'none set in lyncdr.yaml',
    noMicrosoft: 'none for this goal',
    met: (m) => `met, ${m} under the target`,
    missed: (by) => `missed by ${by}`,
    microsoft: (rto, rpo) => `${rto} min RTO, ${rpo} min RPO`,
    reference: (page) => `reference: ${page}`,
    longer: (d) => `+${d} (longer than planned)`,
    shorter: (d) => `−${d} (shorter than planned)`,
    asEstimated: 'as estimated',
    stepCounts: (total, parts) =>
      `${plural(total, 'step', 'steps')}${parts.length ? ': ' : ''}${parts
        .map(([s, n]) => `${n} ${({ pending: 'not started', running: 'in progress', done: 'done', failed: 'failed', skipped: 'skipped' } as const)[s]}`)
        .join(', ')}`,
    microsoftNote: (page) =>
      `Microsoft’s engineering target counts from the moment administrators start the failover procedure: it does not include the time to assess the situation and decide, nor the time for users to sign in again after the failover (${page}).`,
  },
  steps: {
    title: 'Steps',
    columns: ['#', 'Step', 'Status', 'Started', 'Finished', 'Duration', 'Estimate', 'Operators'],
    manual: 'manual',
    none: 'The plan of this run has no steps.',
  },
  details: {
    title: 'Step details',
    status: 'Status',
    started: 'Started',
    finished: 'Finished',
    duration: 'Duration',
    operators: 'Operators',
    notes: 'Notes',
    skipReason: 'Reason for skipping',
    outOfOrder: 'Done out of the plan’s order',
    evidence: 'Evidence',
    bytes: (n) => `${grouped(n)} ${n === 1 ? 'byte' : 'bytes'}`,
    moreLines: (n) => `… ${plural(n, 'more line', 'more lines')} not printed (the stored file is identified by its SHA-256 above)`,
  },
  signOff: {
    title: 'Sign-off',
    text: 'By signing, the operator confirms that this report is a true record of the run, and the reviewer that it was checked against the evidence.',
    operator: 'Operator',
    reviewer: 'Reviewer',
  },
  colon: ':',
};
