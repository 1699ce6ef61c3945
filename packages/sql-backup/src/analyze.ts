import { pushTo } from './group-by';
import { cmpText } from './compare';
import { dbKey, fileFindings, groupBackupSets, type BackupSet } from './backup-set';
import { inferCopyOnly } from './copy-only';
import { SqlFindingCode } from './errors';
import type { BackupHeader } from './header-types';
import type { DatabaseReport, FileReport, OtherFileReport, ScannedFile, SqlFinding, SqlVerifyReport } from './report-types';
import { buildRestoreChain } from './restore-chain';
import { cmpLsnText } from './lsn';

type Readable = ScannedFile & { header: BackupHeader };

function latestFinish(sets: BackupSet[], kind: string): string | null {
  let best: BackupSet | null = null;
  for (const s of sets) if (s.header.kind === kind && (!best || s.startMs > best.startMs || (s.startMs === best.startMs && cmpLsnText(s.last, best.last) > 0))) best = s;
  return best ? (best.header.finish ?? best.header.start) : null;
}

function toFileReport(f: Readable, set: BackupSet, findings: SqlFinding[]): FileReport {
  const h = f.header;
  return {
    path: f.path,
    database: h.database,
    server: h.server,
    type: h.kind as FileReport['type'],
    start: h.start,
    finish: h.finish,
    firstLsn: h.firstLsn,
    lastLsn: h.lastLsn,
    checkpointLsn: h.checkpointLsn,
    databaseBackupLsn: h.databaseBackupLsn,
    differentialBaseLsn: h.differentialBaseLsn,
    differentialBaseGuid: h.differentialBaseGuid,
    backupSetGuid: h.backupSetGuid,
    databaseVersion: h.databaseVersion,
    softwareVersion: h.softwareVersion,
    compressed: h.compressed,
    copyOnly: set.copyOnly,
    passwordProtected: h.passwordProtected,
    family: h.family,
    size: f.size,
    complete: h.complete,
    findings,
  };
}

interface Split {
  byDb: Map<string, Readable[]>;
  otherByDb: Map<string, SqlFinding[]>;
  otherFiles: OtherFileReport[];
  findings: SqlFinding[];
}

/** Sorts scanned files into databases (full/diff/log files), other backup types, and unreadable files. */
function splitByDatabase(scanned: ScannedFile[]): Split {
  const out: Split = { byDb: new Map(), otherByDb: new Map(), otherFiles: [], findings: [] };
  for (const f of scanned) {
    if (!f.header) {
      const finding: SqlFinding = { code: f.error?.code ?? SqlFindingCode.unreadable, message: `${f.path}: ${f.error?.message ?? 'unreadable'}`, file: f.path, severity: 'error' };
      out.otherFiles.push({ path: f.path, database: null, kind: null, findings: [finding] });
      out.findings.push(finding);
      continue;
    }
    const kind = f.header.kind;
    if (kind !== 'full' && kind !== 'diff' && kind !== 'log') {
      const finding: SqlFinding = {
        code: SqlFindingCode.otherType,
        severity: 'warning',
        file: f.path,
        message: `${f.path}: a ${f.header.kind} backup (type ${f.header.typeCode}) of ${f.header.database}; lyncdr checks full, differential and log chains only — restore it by hand (RESTORE … FILE/READ_WRITE_FILEGROUPS)`,
      };
      out.otherFiles.push({ path: f.path, database: f.header.database, kind: f.header.kind, findings: [finding] });
      const k = dbKey(f.header);
      pushTo(out.otherByDb, k, finding);
      if (!out.byDb.has(k)) out.byDb.set(k, []);
      continue;
    }
    pushTo(out.byDb, dbKey(f.header), f as Readable);
  }
  return out;
}

/** The file reports of one database's sets, with their findings (file-level and COPY_ONLY) added to `dbFindings`. */
function fileReports(sets: BackupSet[], dbFindings: SqlFinding[], reportOf: Map<ScannedFile, FileReport>): FileReport[] {
  const perFile = new Map<string, SqlFinding[]>();
  const reports: FileReport[] = [];
  for (const set of sets) {
    fileFindings(set, perFile);
    if (set.copyOnly) {
      for (const f of set.files) {
        pushTo(perFile, f.path, {
          code: SqlFindingCode.copyOnly,
          severity: 'info',
          file: f.path,
          message: `${f.path}: this full backup did not become the differential base (COPY_ONLY, or a later full backup is missing from these folders); differentials after it belong to an earlier full`,
        });
      }
    }
    for (const f of set.files) {
      // Most files have no finding: skip the lookups by path then.
      const ff = (perFile.size && perFile.get(f.path)) || [];
      if (ff.length) {
        perFile.delete(f.path);
        for (const x of ff) dbFindings.push(x);
      }
      const report = toFileReport(f, set, ff);
      reportOf.set(f, report);
      reports.push(report);
    }
  }
  return reports;
}

/** One database's entry: its files' reports (into `reportOf`), the restore chain and what it reaches. */
function reportDatabase(sample: BackupHeader, list: Readable[], other: SqlFinding[] | undefined, reportOf: Map<ScannedFile, FileReport>): DatabaseReport {
  const sets = groupBackupSets(list);
  inferCopyOnly(sets);
  const dbFindings: SqlFinding[] = other ? [...other] : [];
  const reports = fileReports(sets, dbFindings, reportOf);
  const chain = buildRestoreChain(sets, sample.database);
  // Chain findings name files of this database only: the last report of that path here is the one to add to.
  let byPath: Map<string, FileReport> | undefined;
  for (const c of chain.findings) {
    dbFindings.push(c);
    if (!c.file) continue;
    byPath ??= new Map(reports.map((r) => [r.path, r]));
    byPath.get(c.file)?.findings.push(c);
  }
  const last = chain.endsAt;
  return {
    name: sample.database,
    server: sample.server,
    created: sample.databaseCreated,
    lastFull: latestFinish(sets, 'full'),
    lastDiff: latestFinish(sets, 'diff'),
    lastLog: latestFinish(sets, 'log'),
    restorableTo: last ? (last.header.finish ?? last.header.start) : null,
    chainOk: chain.ok,
    restoreSequence: chain.path.map((s) => ({
      type: s.header.kind as 'full' | 'diff' | 'log',
      files: s.files.map((f) => f.path),
      firstLsn: s.header.firstLsn,
      lastLsn: s.header.lastLsn,
      finish: s.header.finish,
    })),
    findings: dbFindings,
  };
}

/**
 * Turns scanned files into the `verify sql` report (pure): backup sets per database (server + name, as the headers
 * say — never the file names), file findings, the restore chain and what it reaches. Small functions on purpose:
 * the code runs once per scan, and V8 optimises small functions sooner and cheaper.
 */
export function analyzeBackups(scanned: ScannedFile[]): SqlVerifyReport {
  const { byDb, otherByDb, otherFiles, findings } = splitByDatabase(scanned);
  const databases: DatabaseReport[] = [];
  const reportOf = new Map<ScannedFile, FileReport>();
  for (const [k, list] of byDb) {
    const sample = list[0]?.header ?? scanned.find((f) => f.header && dbKey(f.header) === k)!.header!;
    databases.push(reportDatabase(sample, list, otherByDb.get(k), reportOf));
  }
  if (!scanned.length) {
    findings.push({ code: SqlFindingCode.noBackups, severity: 'error', file: null, message: 'no SQL Server backup files (.bak, .trn, or files starting with an MTF TAPE block) in the folders given; check the path and the backup job' });
  }
  databases.sort((a, b) => cmpText(a.server, b.server) || cmpText(a.name, b.name) || cmpText(a.created ?? '', b.created ?? ''));
  // Reports keep the scan order (folders walked in name order), without sorting 10,000 long paths.
  const files: FileReport[] = [];
  for (const f of scanned) {
    const r = reportOf.get(f);
    if (r) files.push(r);
  }
  otherFiles.sort((a, b) => cmpText(a.path, b.path));
  return { databases, files, otherFiles, findings };
}

/** Every finding of a report, once (databases, files and the top level). */
export function allFindings(r: SqlVerifyReport): SqlFinding[] {
  const seen = new Set<SqlFinding>();
  for (const f of [...r.findings, ...r.databases.flatMap((d) => d.findings), ...r.files.flatMap((f) => f.findings), ...r.otherFiles.flatMap((f) => f.findings)]) seen.add(f);
  return [...seen];
}
