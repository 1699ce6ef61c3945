import { ByteView, NULL_GUID, tagCodeOf } from './bytes';
import { BackupHeaderError, SqlFindingCode } from './errors';
import type { BackupHeader, BackupKind } from './header-types';
import { intern } from './intern';
import { TextMemo } from './text-memo';
import { readLsn } from './lsn';
import { BLOCK_ALIGN, blockFirstEvent, checkStreamHeader, DBLK_SIZE, findTrailer, STREAM_HEADER_SIZE, tagText } from './mtf-block';
import { mtfDateToIso, readMtfDate, type MtfDate } from './mtf-date';

/*
 * Field offsets below come from reference/sql-backup-format.md (established on the 71 fixture files, SQL 2008 R2 and
 * 2016): TAPE/SSET/MSCI descriptor blocks, the MQCI stream of MSCI holding the SCIN record, and the trailing SCIN copy
 * in the MSLS block near the end of the file.
 */

const TYPE_LETTERS: Record<string, BackupKind> = {
  D: 'full', I: 'diff', L: 'log', F: 'file', G: 'file-diff', P: 'partial', Q: 'partial-diff',
};

/** SCIN records seen are 418–478 bytes; anything far outside is not a header we understand. */
const SCIN_MIN = 0x160;
const SCIN_MAX = 8192;

export interface ScinRecord {
  offset: number;
  softwareVersion: string;
  firstLsn: string;
  lastLsn: string;
  checkpointLsn: string;
  databaseBackupLsn: string;
  created: ReturnType<typeof readMtfDate>;
  start: ReturnType<typeof readMtfDate>;
  finish: ReturnType<typeof readMtfDate>;
  typeCode: string;
  databaseVersion: number;
  backupSize: number;
  database: string;
  server: string;
  /** Null for the all-zero GUID. */
  recoveryForkId: string | null;
  currentDifferentialBaseGuid: string | null;
}

/**
 * A GUID field that repeats from file to file (recovery fork, differential base), one memo per field: the same 16
 * bytes as last time give the same string, without formatting or hashing it again. Null for the all-zero GUID.
 */
class GuidMemo {
  private readonly last = new Uint8Array(16);
  private text: string | null = null;

  read(v: ByteView, off: number): string | null {
    v.need(off, 16, 'GUID');
    const b = v.bytes;
    const last = this.last;
    let same = true;
    let zero = true;
    for (let i = 0; i < 16; i++) {
      const x = b[off + i]!;
      if (x !== last[i]) same = false;
      if (x !== 0) zero = false;
    }
    if (zero) return null;
    if (same && this.text !== null) return this.text;
    for (let i = 0; i < 16; i++) last[i] = b[off + i]!;
    this.text = intern(v.guid(off));
    return this.text;
  }
}

const RECOVERY_FORK = new GuidMemo();
const DIFFERENTIAL_BASE = new GuidMemo();

function readString(v: ByteView, scin: number, at: number, scinLength: number, what: string, memo: TextMemo): string {
  const len = v.u16(scin + at, what);
  const off = v.u16(scin + at + 2, what);
  if (len === 0) return '';
  if (off + len > scinLength || len > 1024) {
    throw new BackupHeaderError(SqlFindingCode.corrupt, `${what} (${len} bytes at SCIN+0x${off.toString(16)}) runs past the ${scinLength}-byte header record; the header is damaged`, v.base + scin + at);
  }
  return memo.utf16(v, scin + off, len, what);
}

const SOFTWARE_NAME = new TextMemo();
const USER_NAME = new TextMemo();
const DATABASE_NAME = new TextMemo();
const SERVER_NAME = new TextMemo();

const TAPE = tagCodeOf('TAPE');
const SSET = tagCodeOf('SSET');
const MSCI = tagCodeOf('MSCI');
const MQCI = tagCodeOf('MQCI');
const SCIN = tagCodeOf('SCIN');
const RAID = tagCodeOf('RAID');
const SPAD = tagCodeOf('SPAD');

/** Finds the SCIN record that starts the MQCI stream of an MSCI or MSLS block; returns its offset (length at +4). */
function locateScin(v: ByteView, blockOff: number): number {
  const firstEvent = blockFirstEvent(v, blockOff);
  if (firstEvent < 0x34 || firstEvent > 0x400) {
    throw new BackupHeaderError(SqlFindingCode.corrupt, `${v.tag(blockOff)} block says its first stream is at +0x${firstEvent.toString(16)}, which is not possible; the header is damaged`, v.base + blockOff);
  }
  const streamOff = blockOff + firstEvent;
  checkStreamHeader(v, streamOff);
  if (v.tagCode(streamOff) !== MQCI) {
    throw new BackupHeaderError(SqlFindingCode.corrupt, `${v.tag(blockOff)} block has no MQCI stream (found "${v.tag(streamOff)}"); not a SQL Server backup header`, v.base + streamOff);
  }
  const s = streamOff + STREAM_HEADER_SIZE;
  if (v.tagCode(s) !== SCIN) {
    throw new BackupHeaderError(SqlFindingCode.corrupt, `the MQCI stream does not start with a SCIN record; not a SQL Server backup header`, v.base + s);
  }
  const length = v.u32(s + 4, 'SCIN length');
  if (length < SCIN_MIN || length > SCIN_MAX || length > v.u64Number(streamOff + 8)) {
    throw new BackupHeaderError(SqlFindingCode.corrupt, `the SCIN header record claims ${length} bytes, outside ${SCIN_MIN}–${SCIN_MAX}; the header is damaged`, v.base + s + 4);
  }
  v.need(s, length, 'SCIN record');
  return s;
}

/** Reads the SCIN record (the SQL Server backup header) that starts the MQCI stream of an MSCI block. */
export function readScin(v: ByteView, blockOff: number): ScinRecord {
  const s = locateScin(v, blockOff);
  const length = v.u32(s + 4);
  const build = v.u16(s + 0x18);
  const minor = v.u8(s + 0x1a);
  const major = v.u8(s + 0x1b);
  const firstLsn = readLsn(v, s + 0x20, 'FirstLSN');
  return {
    offset: s,
    softwareVersion: versionText(major, minor, build),
    firstLsn,
    lastLsn: readLsn(v, s + 0x2a, 'LastLSN'),
    checkpointLsn: sameBytes(v.bytes, s + 0x34, s + 0x20, 10) ? firstLsn : readLsn(v, s + 0x34, 'CheckpointLSN'),
    databaseBackupLsn: readLsn(v, s + 0x3e, 'DatabaseBackupLSN'),
    created: readMtfDate(v, s + 0x48),
    start: readMtfDate(v, s + 0x4d),
    finish: readMtfDate(v, s + 0x52),
    typeCode: String.fromCharCode(v.u8(s + 0x57)),
    databaseVersion: v.u16(s + 0x5e),
    backupSize: v.u64Number(s + 0x60),
    database: readString(v, s, 0x68, length, 'DatabaseName', DATABASE_NAME),
    server: readString(v, s, 0x6c, length, 'ServerName', SERVER_NAME),
    recoveryForkId: RECOVERY_FORK.read(v, s + 0x9c),
    currentDifferentialBaseGuid: DIFFERENTIAL_BASE.read(v, s + 0xc8),
  };
}

interface TapeInfo {
  softwareName: string;
  mediaPassword: boolean;
  /** Offset of the MediaSetId GUID in the RAID stream; -1 without one. */
  mediaSetAt: number;
  familyCount: number;
  familySequence: number;
}

function readTape(v: ByteView): TapeInfo {
  const firstEvent = blockFirstEvent(v, 0);
  const nameLen = v.u16(0x50);
  const nameOff = v.u16(0x52);
  const softwareName = nameLen > 0 && nameLen < 512 ? SOFTWARE_NAME.utf16(v, nameOff, nameLen, 'TAPE software name') : '';
  const info: TapeInfo = { softwareName, mediaPassword: v.u16(0x3e) !== 0, mediaSetAt: -1, familyCount: 1, familySequence: 1 };
  // Streams of the TAPE block: RAID carries the media set id and the family (stripe) count and number.
  let off = firstEvent;
  for (let i = 0; i < 8 && off + STREAM_HEADER_SIZE <= Math.min(v.length, 0x600); i++) {
    checkStreamHeader(v, off);
    const length = v.u64Number(off + 8);
    if (length > 0x10000) throw new BackupHeaderError(SqlFindingCode.corrupt, `TAPE stream ${tagText(v, off)} claims ${v.u64(off + 8)} bytes; the header is damaged`, v.base + off);
    const id = v.tagCode(off);
    const data = off + STREAM_HEADER_SIZE;
    if (id === RAID) {
      v.need(data, 16, 'MediaSetId');
      info.mediaSetAt = data;
      info.familyCount = v.u16(data + 0x14, 'family count');
      info.familySequence = v.u16(data + 0x18, 'family sequence');
      break;
    }
    if (id === SPAD) break;
    off = (data + length + 3) & ~3;
  }
  if (info.familyCount < 1 || info.familySequence < 1 || info.familySequence > info.familyCount || info.familyCount > 64) {
    throw new BackupHeaderError(SqlFindingCode.corrupt, `media family ${info.familySequence} of ${info.familyCount} is not possible; the header is damaged`, 0);
  }
  return info;
}

interface SsetInfo {
  backupSetGuid: string;
  /** Where the BackupSetGUID bytes are. */
  guidAt: number;
  passwordProtected: boolean;
  compressed: boolean;
  userName: string | null;
  zoneMinutes: number | null;
}

function readSset(v: ByteView, off: number): SsetInfo {
  blockFirstEvent(v, off);
  const osDataSize = v.u16(off + 0x2c);
  const osDataOffset = v.u16(off + 0x2e);
  const guidAt = osDataSize >= 16 && osDataOffset + 16 <= 0x200 ? osDataOffset : 0x64;
  const userLen = v.u16(off + 0x4c);
  const userOff = v.u16(off + 0x4e);
  const zone = (v.u8(off + 0x5f) << 24) >> 24;
  return {
    backupSetGuid: v.guid(off + guidAt, 'BackupSetGUID'),
    guidAt: off + guidAt,
    passwordProtected: v.u16(off + 0x38) !== 0,
    compressed: v.u16(off + 0x3a) !== 0,
    userName: userLen > 0 && userLen < 512 && userOff + userLen <= 0x200 ? USER_NAME.utf16(v, off + userOff, userLen, 'UserName') : null,
    zoneMinutes: zone === 127 || zone < -48 || zone > 56 ? null : zone * 15,
  };
}

function sameBytesAcross(a: Uint8Array, x: number, b: Uint8Array, y: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[x + i] !== b[y + i]) return false;
  return true;
}

function sameBytes(b: Uint8Array, x: number, y: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (b[x + i] !== b[y + i]) return false;
  return true;
}

const sameDate = (a: MtfDate, b: MtfDate) => a.second === b.second && a.minute === b.minute && a.hour === b.hour && a.day === b.day && a.month === b.month && a.year === b.year;

let lastVersion = { key: -1, text: '' };
function versionText(major: number, minor: number, build: number): string {
  const key = major * 0x1000000 + minor * 0x10000 + build;
  if (key !== lastVersion.key) lastVersion = { key, text: intern(`${major}.${minor}.${build}`) };
  return lastVersion.text;
}

let lastCreated: { d: MtfDate | null; zone: number | null; text: string | null } = { d: null, zone: null, text: null };
/** The creation date repeats in every backup of a database: the text of the last one is reused. */
function createdText(d: MtfDate | null, zone: number | null): string | null {
  if (!d) return null;
  const l = lastCreated;
  if (l.d && l.zone === zone && sameDate(l.d, d)) return l.text;
  lastCreated = { d, zone, text: intern(mtfDateToIso(d, zone)) };
  return lastCreated.text;
}

/** The MediaSetId as text: one backup to one file names its media set with the backup set's GUID, shared then. */
function mediaSetId(v: ByteView, tape: TapeInfo, sset: SsetInfo): string | null {
  if (tape.mediaSetAt < 0) return null;
  return sameBytes(v.bytes, tape.mediaSetAt, sset.guidAt, 16) ? sset.backupSetGuid : v.guid(tape.mediaSetAt, 'MediaSetId');
}

const nonZero = (lsn: string) => (lsn === '0' ? null : lsn);
const nonNullGuid = (g: string) => (g === NULL_GUID ? null : g);

/**
 * Parses the header blocks of a backup file: `head` is the first bytes of the file (from offset 0), `tail` the last
 * bytes with `tailBase` its file offset (or null when not read). Pure: no I/O. Throws BackupHeaderError.
 */
export function parseBackupHeader(head: Uint8Array, tail: { bytes: Uint8Array; base: number } | null): BackupHeader {
  const v = new ByteView(head);
  if (v.tagCode(0) !== TAPE) {
    throw new BackupHeaderError(SqlFindingCode.notBackup, 'the file does not start with an MTF TAPE block: it is not a SQL Server native backup (or it is damaged)', 0);
  }
  const tape = readTape(v);
  let ssetAt = -1;
  let msciAt = -1;
  for (let off = BLOCK_ALIGN; off + DBLK_SIZE <= v.length && (ssetAt < 0 || msciAt < 0); off += BLOCK_ALIGN) {
    const t = v.tagCode(off);
    if (t === SSET && ssetAt < 0) ssetAt = off;
    else if (t === MSCI && msciAt < 0) msciAt = off;
  }
  if (ssetAt < 0 || msciAt < 0) {
    throw new BackupHeaderError(SqlFindingCode.corrupt, `no ${ssetAt >= 0 ? 'MSCI' : 'SSET'} block in the first ${head.length} bytes; the file is truncated or damaged`, head.length);
  }
  const sset = readSset(v, ssetAt);
  const scin = readScin(v, msciAt);

  let finish = scin.finish;
  let backupSize: number | null = scin.backupSize;
  let complete = false;
  if (tail) {
    const t = new ByteView(tail.bytes, tail.base);
    const msls = findTrailer(t);
    if (msls !== null) {
      let ts = -1;
      try {
        ts = locateScin(t, msls);
      } catch {
        complete = false;
      }
      // Equal LSN bytes print as equal LSN texts and back (readLsn is one-to-one).
      if (ts >= 0 && sameBytesAcross(t.bytes, ts + 0x20, v.bytes, scin.offset + 0x20, 20)) {
        complete = true;
        finish = readMtfDate(t, ts + 0x52) ?? finish;
        backupSize = t.u64Number(ts + 0x60);
      }
    }
  }

  const iso = (d: ReturnType<typeof readMtfDate>) => (d ? mtfDateToIso(d, sset.zoneMinutes) : null);
  const start = iso(scin.start);
  const finishText = finish && scin.start && sameDate(finish, scin.start) ? start : iso(finish);
  const kind = TYPE_LETTERS[scin.typeCode] ?? 'unknown';
  if (!scin.database) {
    throw new BackupHeaderError(SqlFindingCode.corrupt, 'the header names no database; the header is damaged', v.base + scin.offset + 0x68);
  }
  const isDiff = kind === 'diff' || kind === 'file-diff' || kind === 'partial-diff';
  return {
    database: scin.database,
    server: scin.server,
    kind,
    typeCode: scin.typeCode,
    start,
    finish: finishText ?? start,
    databaseCreated: createdText(scin.created, sset.zoneMinutes),
    zoneMinutes: sset.zoneMinutes,
    firstLsn: scin.firstLsn,
    lastLsn: scin.lastLsn,
    checkpointLsn: scin.checkpointLsn,
    databaseBackupLsn: scin.databaseBackupLsn,
    differentialBaseLsn: isDiff ? nonZero(readLsn(v, scin.offset + 0x104, 'DifferentialBaseLSN')) : null,
    differentialBaseGuid: isDiff ? nonNullGuid(v.guid(scin.offset + 0x110)) : null,
    currentDifferentialBaseGuid: scin.currentDifferentialBaseGuid,
    backupSetGuid: sset.backupSetGuid,
    recoveryForkId: scin.recoveryForkId,
    databaseVersion: scin.databaseVersion,
    softwareVersion: scin.softwareVersion,
    softwareName: tape.softwareName,
    userName: sset.userName,
    backupSize,
    compressed: sset.compressed,
    copyOnly: null,
    family: { mediaSetId: mediaSetId(v, tape, sset), sequence: tape.familySequence, count: tape.familyCount },
    passwordProtected: tape.mediaPassword || sset.passwordProtected,
    passwordKind: tape.mediaPassword ? 'media' : sset.passwordProtected ? 'backup-set' : null,
    complete,
  };
}
