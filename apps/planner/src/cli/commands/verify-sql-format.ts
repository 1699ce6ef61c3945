import { allFindings, type DatabaseReport, type SqlVerifyReport } from '@lyncdr/sql-backup';
import type { Tone } from '../colors';
import { formatTable, type Cell } from '../table';
import { AgeFindingCode } from './verify-sql-age';

type Paint = (tone: Tone, text: string) => string;

const isAge = (code: string) => code === AgeFindingCode.tooOld || code === AgeFindingCode.noneOfType;

function status(d: DatabaseReport): Cell {
  if (!d.chainOk) return { text: 'BROKEN', tone: 'bad' };
  if (d.findings.some((f) => isAge(f.code))) return { text: 'TOO OLD', tone: 'bad' };
  if (d.findings.some((f) => f.severity === 'error')) return { text: 'FINDINGS', tone: 'bad' };
  if (d.findings.some((f) => f.severity === 'warning')) return { text: 'FINDINGS', tone: 'warn' };
  return { text: 'OK', tone: 'good' };
}

/** `server / name`, with the creation date when another database has the same server and name (dropped, recreated). */
function label(d: DatabaseReport, all: DatabaseReport[]): string {
  const twin = all.some((o) => o !== d && o.server === d.server && o.name === d.name);
  return `${d.server} / ${d.name}${twin && d.created ? ` (created ${d.created})` : ''}`;
}

/** Findings not tied to a database (unreadable files, an empty folder), printed after the databases. */
function looseLines(r: SqlVerifyReport, paint: Paint): string[] {
  const loose = r.findings.filter((f) => !r.databases.some((d) => d.findings.includes(f)));
  if (!loose.length) return [];
  return ['', 'files that could not be used:', ...loose.map((f) => `  ${paint('bad', f.code)}: ${f.message}`)];
}

function totals(r: SqlVerifyReport): string {
  const n = allFindings(r).length;
  return `${r.databases.length} database(s), ${r.files.length} backup file(s) read, ${r.otherFiles.length} other file(s); ${n ? `${n} finding(s)` : 'no findings'}`;
}

const severityTone = (s: string): Tone => (s === 'error' ? 'bad' : s === 'warning' ? 'warn' : 'dim');

/**
 * The default text of `lyncdr verify sql`: one line per database (status, newest full, diff and log, restorable to,
 * number of findings), then each database's findings, then the files that could not be used and the totals.
 */
export function formatSqlSummary(r: SqlVerifyReport, paint: Paint): string {
  const rows = r.databases.map((d): Cell[] => [
    label(d, r.databases),
    status(d),
    d.lastFull ?? '-',
    d.lastDiff ?? '-',
    d.lastLog ?? '-',
    d.restorableTo ?? 'nothing',
    d.findings.length ? { text: String(d.findings.length), tone: 'bad' } : '0',
  ]);
  const lines = r.databases.length ? formatTable(['DATABASE', 'STATUS', 'LAST FULL', 'LAST DIFF', 'LAST LOG', 'RESTORABLE TO', 'FINDINGS'], rows, paint) : [];
  const withFindings = r.databases.filter((d) => d.findings.length);
  if (withFindings.length) {
    lines.push('');
    for (const d of withFindings) {
      lines.push(`${label(d, r.databases)}:`);
      for (const f of d.findings) lines.push(`  ${paint(severityTone(f.severity), f.code)}: ${f.message}`);
    }
  }
  lines.push(...looseLines(r, paint));
  if (lines.length) lines.push('');
  lines.push(totals(r));
  if (r.databases.length) lines.push('(the restore sequence of each database: add --detail)');
  return lines.join('\n') + '\n';
}

/** `--detail`: the sql-backup report (a table per database with its restore sequence), statuses coloured. */
export function colourDetail(text: string, paint: Paint): string {
  return text
    .replace(/^( {2}chain: )(OK|BROKEN)/gm, (_m, pre: string, word: string) => pre + paint(word === 'OK' ? 'good' : 'bad', word))
    .replace(/^( {4})(error|warning|info)(\s+)(E_[A-Z_]+)/gm, (_m, pre: string, sev: string, gap: string, code: string) => pre + paint(severityTone(sev), sev) + gap + code);
}
