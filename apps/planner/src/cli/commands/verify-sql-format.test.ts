import { describe, expect, it } from 'vitest';
import type { DatabaseReport, SqlVerifyReport } from '@lyncdr/sql-backup';
import { formatSqlSummary } from './verify-sql-format';

const db = (over: Partial<DatabaseReport>): DatabaseReport => ({
  name: 'LcsCDR', server: 'SQL1', created: null, lastFull: '2024-03-05T01:00:00Z', lastDiff: null, lastLog: null,
  restorableTo: '2024-03-05T01:00:00Z', chainOk: true, restoreSequence: [], findings: [], ...over,
});
const report = (databases: DatabaseReport[]): SqlVerifyReport => ({ databases, files: [], otherFiles: [], findings: [] });
const plain = (_tone: string, s: string) => s;

describe('formatSqlSummary', () => {
  it('tells apart a database dropped and created again under the same name by its creation date', () => {
    const text = formatSqlSummary(report([db({ created: '2024-01-01T00:00:00Z' }), db({ created: '2024-02-01T00:00:00Z' }), db({ name: 'rtcab' })]), plain);
    expect(text).toMatch(/^SQL1 \/ LcsCDR \(created 2024-01-01T00:00:00Z\)\s+OK/m);
    expect(text).toMatch(/^SQL1 \/ LcsCDR \(created 2024-02-01T00:00:00Z\)\s+OK/m);
    expect(text).toMatch(/^SQL1 \/ rtcab\s+OK/m);
  });

  it('status: BROKEN before TOO OLD before FINDINGS; a warning alone is FINDINGS in the warning colour', () => {
    const f = (code: string, severity: 'error' | 'warning') => ({ code, message: 'm', file: null, severity });
    const paint = (tone: string, s: string) => `[${tone}:${s}]`;
    const text = formatSqlSummary(
      report([
        db({ name: 'a', chainOk: false, findings: [f('E_SQL_LOG_GAP', 'error'), f('E_SQL_BACKUP_TOO_OLD', 'error')] }),
        db({ name: 'b', findings: [f('E_SQL_PASSWORD_PROTECTED', 'error'), f('E_SQL_BACKUP_TOO_OLD', 'error')] }),
        db({ name: 'c', findings: [f('E_SQL_NO_CHECKSUM', 'warning')] }),
      ]),
      paint,
    );
    expect(text).toMatch(/SQL1 \/ a\s+\[bad:BROKEN\]/);
    expect(text).toMatch(/SQL1 \/ b\s+\[bad:TOO OLD\]/);
    expect(text).toMatch(/SQL1 \/ c\s+\[warn:FINDINGS\]/);
  });
});
