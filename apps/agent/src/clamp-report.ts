import { Report, type Finding } from '@lyncdr/protocol';

const clampFinding = (f: Finding): Finding => ({
  ...f,
  message: f.message.length > 4000 ? f.message.slice(0, 3997) + '…' : f.message,
  path: f.path && f.path.length > 4096 ? f.path.slice(0, 4095) + '…' : f.path,
});

/**
 * Makes a collector's report fit the protocol schema before it enters the outbox: long texts are clamped, and a
 * report that still does not validate becomes a failed report saying why. A report the planner would refuse would
 * otherwise stay in the outbox forever.
 */
export function clampReport(r: Report): Report {
  const clamped: Report = {
    ...r,
    findings: r.findings.slice(0, 10_000).map(clampFinding),
    observations: r.observations.map((o) => ({ ...o, findings: o.findings.slice(0, 10_000).map(clampFinding) })),
  };
  const checked = Report.safeParse(clamped);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0]!;
  return {
    collector: r.collector,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    durationMs: r.durationMs,
    ok: false,
    observations: [],
    findings: [{ code: 'E_REPORT_INVALID', message: `the ${r.collector} report does not fit the protocol (${issue.path.join('.')}: ${issue.message}); it was replaced by this finding`, path: null, severity: 'error' }],
  };
}
