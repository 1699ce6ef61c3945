import { allFindings } from './analyze';
import type { DatabaseReport, SqlVerifyReport } from './report-types';

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd());
}

function database(d: DatabaseReport): string[] {
  const lines = [
    `${d.server} / ${d.name}${d.created ? ` (created ${d.created})` : ''}`,
    `  chain: ${d.chainOk ? 'OK' : 'BROKEN'}   restorable to: ${d.restorableTo ?? 'nothing (no usable full backup)'}`,
    ...table([
      ['last full', 'last diff', 'last log'],
      [d.lastFull ?? '-', d.lastDiff ?? '-', d.lastLog ?? '-'],
    ]).map((l) => `  ${l}`),
  ];
  if (d.restoreSequence.length) {
    lines.push('  restore sequence:');
    const rows = [['#', 'type', 'finished', 'first LSN', 'last LSN', 'file(s)']];
    d.restoreSequence.forEach((s, i) => rows.push([String(i + 1), s.type, s.finish ?? '-', s.firstLsn, s.lastLsn, s.files.join(' + ')]));
    lines.push(...table(rows).map((l) => `    ${l}`));
  }
  if (d.findings.length) {
    lines.push('  findings:');
    for (const f of d.findings) lines.push(`    ${f.severity.padEnd(7)} ${f.code}: ${f.message}`);
  }
  return lines;
}

/** Human output of `lyncdr verify sql`: one table per database, then the files that could not be used. */
export function formatSqlReport(r: SqlVerifyReport): string {
  const out: string[] = [];
  for (const d of r.databases) out.push(...database(d), '');
  const loose = r.findings.filter((f) => !r.databases.some((d) => d.findings.includes(f)));
  if (loose.length) {
    out.push('files that could not be used:');
    for (const f of loose) out.push(`  ${f.code}: ${f.message}`);
    out.push('');
  }
  const n = allFindings(r).length;
  out.push(`${r.databases.length} database(s), ${r.files.length} backup file(s) read, ${r.otherFiles.length} other file(s); ${n ? `${n} finding(s)` : 'no findings'}`);
  return out.join('\n') + '\n';
}
