import { describe, expect, it } from 'vitest';
import { BackupHeaderError, SqlFindingCode } from './errors';
import { parseBackupHeader } from './parse-header';
import { buildSyntheticBackup, type SyntheticBackup } from './testing/synthetic-backup';

const base: SyntheticBackup = {
  database: 'LcsCDR',
  server: 'SQLBE01\\RTC',
  type: 'D',
  firstLsn: '38000000012300045',
  lastLsn: '38000000015600001',
  databaseBackupLsn: '37000000001000037',
  start: '2024-03-04T02:00:05',
  finish: '2024-03-04T02:03:41',
  zone: 4,
  backupSetGuid: '93fa8171-b0cf-4e2f-b0fa-4af74621d2bd',
  currentDifferentialBaseGuid: '11111111-2222-4333-8444-555555555555',
};

function parse(s: SyntheticBackup, mutate?: (head: Uint8Array, tail: Uint8Array) => void) {
  const { head, tail, size } = buildSyntheticBackup(s);
  mutate?.(head, tail);
  return parseBackupHeader(head, { bytes: tail, base: size - tail.length });
}

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(BackupHeaderError);
    return (e as BackupHeaderError).code;
  }
  throw new Error('expected a BackupHeaderError');
}

describe('parseBackupHeader', () => {
  it('reads every field of a full backup, the finish time from the trailing copy', () => {
    const h = parse(base);
    expect(h).toMatchObject({
      database: 'LcsCDR',
      server: 'SQLBE01\\RTC',
      kind: 'full',
      typeCode: 'D',
      start: '2024-03-04T02:00:05+01:00',
      finish: '2024-03-04T02:03:41+01:00',
      zoneMinutes: 60,
      firstLsn: '38000000012300045',
      lastLsn: '38000000015600001',
      checkpointLsn: '38000000012300045',
      databaseBackupLsn: '37000000001000037',
      differentialBaseGuid: null,
      differentialBaseLsn: null,
      currentDifferentialBaseGuid: '11111111-2222-4333-8444-555555555555',
      backupSetGuid: '93fa8171-b0cf-4e2f-b0fa-4af74621d2bd',
      databaseVersion: 661,
      softwareVersion: '10.50.4042',
      softwareName: 'Microsoft SQL Server',
      userName: 'CONTOSO\\sqlsvc',
      compressed: false,
      copyOnly: null,
      family: { mediaSetId: '93fa8171-b0cf-4e2f-b0fa-4af74621d2bd', sequence: 1, count: 1 },
      passwordProtected: false,
      passwordKind: null,
      complete: true,
    });
  });

  it('reads differentials with their base, logs, and the other kinds by their letter', () => {
    const d = parse({ ...base, type: 'I', differentialBaseGuid: 'fe796e00-6d2a-468e-ab9a-72485590ae51', differentialBaseLsn: '21000000020100037' });
    expect(d).toMatchObject({ kind: 'diff', differentialBaseGuid: 'fe796e00-6d2a-468e-ab9a-72485590ae51', differentialBaseLsn: '21000000020100037' });
    expect(parse({ ...base, type: 'L' }).kind).toBe('log');
    expect(parse({ ...base, type: 'F' }).kind).toBe('file');
    expect(parse({ ...base, type: 'G' }).kind).toBe('file-diff');
    expect(parse({ ...base, type: 'P' }).kind).toBe('partial');
    expect(parse({ ...base, type: 'Q' }).kind).toBe('partial-diff');
  });

  it('reports stripes, media and backup-set passwords, compression', () => {
    const s = parse({ ...base, family: { mediaSetId: 'a3b1c2d4-0000-4000-8000-000000000001', sequence: 2, count: 3 } });
    expect(s.family).toEqual({ mediaSetId: 'a3b1c2d4-0000-4000-8000-000000000001', sequence: 2, count: 3 });
    expect(parse({ ...base, mediaPassword: true })).toMatchObject({ passwordProtected: true, passwordKind: 'media' });
    expect(parse({ ...base, backupSetPassword: true })).toMatchObject({ passwordProtected: true, passwordKind: 'backup-set' });
    expect(parse({ ...base, compressed: true }).compressed).toBe(true);
    expect(parse({ ...base, databaseVersion: 852 }).databaseVersion).toBe(852);
  });

  it('marks the file incomplete when the tail has no trailing header copy, and keeps the start as finish', () => {
    const { head } = buildSyntheticBackup(base);
    const h = parseBackupHeader(head, { bytes: new Uint8Array(8192), base: 1 << 20 });
    expect(h.complete).toBe(false);
    expect(h.finish).toBe(h.start);
    expect(parseBackupHeader(head, null).complete).toBe(false);
  });

  it('ignores a trailing copy that belongs to another backup', () => {
    const other = buildSyntheticBackup({ ...base, firstLsn: '1', lastLsn: '2' });
    const { head, size } = buildSyntheticBackup(base);
    expect(parseBackupHeader(head, { bytes: other.tail, base: size - other.tail.length }).complete).toBe(false);
  });

  it('rejects random bytes and damaged headers with stable codes', () => {
    const random = Uint8Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) & 0xff);
    expect(codeOf(() => parseBackupHeader(random, null))).toBe(SqlFindingCode.notBackup);
    // Checksum of the TAPE block.
    expect(codeOf(() => parse(base, (h) => (h[0x10] = 0x99)))).toBe(SqlFindingCode.corrupt);
    // Checksum of the RAID stream header.
    expect(codeOf(() => parse(base, (h) => (h[0x8c + 9] = 0x42)))).toBe(SqlFindingCode.corrupt);
    // SCIN length absurd (with a matching MQCI checksum untouched: the SCIN itself carries no checksum).
    expect(codeOf(() => parse(base, (h) => new DataView(h.buffer).setUint32(0xe4e + 4, 0x7fffffff, true)))).toBe(SqlFindingCode.corrupt);
    // Database name length pointing far outside the record.
    expect(codeOf(() => parse(base, (h) => new DataView(h.buffer).setUint16(0xe4e + 0x68, 0xfff0, true)))).toBe(SqlFindingCode.corrupt);
    // No MSCI block.
    expect(codeOf(() => parse(base, (h) => h.set([0x58, 0x58, 0x58, 0x58], 0xe00)))).toBe(SqlFindingCode.corrupt);
    // Header cut short inside the SCIN record.
    const { head } = buildSyntheticBackup(base);
    expect(codeOf(() => parseBackupHeader(head.subarray(0, 0xe80), null))).toBe(SqlFindingCode.corrupt);
  });

  it('rejects an impossible stripe number', () => {
    expect(codeOf(() => parse({ ...base, family: { mediaSetId: base.backupSetGuid, sequence: 3, count: 2 } }))).toBe(SqlFindingCode.corrupt);
  });
});
