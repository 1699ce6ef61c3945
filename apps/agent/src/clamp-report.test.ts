import { describe, expect, it } from 'vitest';
import { clampReport } from './clamp-report';

const base = { collector: 'file-store', startedAt: '2026-11-22T10:00:00.000Z', finishedAt: '2026-11-22T10:00:01.000Z', durationMs: 1000, ok: false, findings: [] };

describe('clampReport', () => {
  it('clamps long messages and paths so the planner accepts the report', () => {
    const r = clampReport({ ...base, observations: [{ kind: 'file-store', subject: 's', ok: false, data: {}, findings: [{ code: 'FS_MISSING', message: 'm'.repeat(5000), path: 'p'.repeat(5000), severity: 'error' }] }] });
    const f = r.observations[0]!.findings[0]!;
    expect(f.message).toHaveLength(3998);
    expect(f.path).toHaveLength(4096);
  });

  it('replaces a report that cannot be made valid by a failed one saying why', () => {
    const r = clampReport({ ...base, observations: [{ kind: '', subject: 's', ok: true, data: {}, findings: [] }] });
    expect(r.ok).toBe(false);
    expect(r.findings[0]!.code).toBe('E_REPORT_INVALID');
    expect(r.findings[0]!.message).toMatch(/observations\.0\.kind/);
  });
});
