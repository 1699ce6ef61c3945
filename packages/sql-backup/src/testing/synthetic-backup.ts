import { open, truncate, writeFile } from 'node:fs/promises';
import { blockChecksum } from '../mtf-block';
import { encodeMtfDate } from '../mtf-date';
import { splitLsn } from '../lsn';

/**
 * A writer of synthetic SQL Server backup files: the MTF descriptor blocks and SCIN header laid out as in the real
 * files (reference/sql-backup-format.md), with a sparse body. For tests and benchmarks only.
 */
export interface SyntheticBackup {
  database: string;
  server: string;
  /** Type letter: D full, I diff, L log, F file, G file diff, P partial, Q partial diff. */
  type: 'D' | 'I' | 'L' | 'F' | 'G' | 'P' | 'Q';
  firstLsn: string;
  lastLsn: string;
  checkpointLsn?: string;
  databaseBackupLsn?: string;
  /** Local time `YYYY-MM-DDTHH:MM:SS`. */
  start: string;
  finish?: string;
  databaseCreated?: string;
  /** Quarter hours east of UTC (SSET time zone); 0 by default. */
  zone?: number;
  backupSetGuid: string;
  differentialBaseGuid?: string;
  differentialBaseLsn?: string;
  currentDifferentialBaseGuid?: string;
  family?: { mediaSetId: string; sequence: number; count: number };
  mediaPassword?: boolean;
  backupSetPassword?: boolean;
  compressed?: boolean;
  databaseVersion?: number;
  /** Total file size (sparse body); at least 32 KB. */
  size?: number;
}

const ZERO_GUID = '00000000-0000-0000-0000-000000000000';
const HEAD = 0x1200;
const TAIL = 0x2000;

function guidBytes(g: string): Uint8Array {
  const h = g.replace(/-/g, '');
  const b = Uint8Array.from({ length: 16 }, (_, i) => parseInt(h.slice(i * 2, i * 2 + 2), 16));
  return Uint8Array.from([b[3]!, b[2]!, b[1]!, b[0]!, b[5]!, b[4]!, b[7]!, b[6]!, ...b.subarray(8)]);
}

function date(text: string): Uint8Array {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`synthetic date ${text} is not YYYY-MM-DDTHH:MM:SS`);
  const [, year, month, day, hour, minute, second] = m.map(Number);
  return encodeMtfDate({ year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! });
}

class Writer {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  tag(off: number, t: string) {
    for (let i = 0; i < 4; i++) this.bytes[off + i] = t.charCodeAt(i);
  }
  u8(off: number, v: number) {
    this.view.setUint8(off, v);
  }
  u16(off: number, v: number) {
    this.view.setUint16(off, v, true);
  }
  u32(off: number, v: number) {
    this.view.setUint32(off, v, true);
  }
  u64(off: number, v: number) {
    this.view.setBigUint64(off, BigInt(v), true);
  }
  set(off: number, b: Uint8Array) {
    this.bytes.set(b, off);
  }
  utf16(off: number, s: string): number {
    for (let i = 0; i < s.length; i++) this.u16(off + i * 2, s.charCodeAt(i));
    return s.length * 2;
  }
  lsn(off: number, lsn: string) {
    const { vlf, block, slot } = splitLsn(lsn);
    this.u32(off, vlf);
    this.u32(off + 4, block);
    this.u16(off + 8, slot);
  }
  block(off: number, type: string, firstEvent: number, osData: [number, number] = [0, 0]) {
    this.tag(off, type);
    this.u16(off + 0x08, firstEvent);
    this.u16(off + 0x2c, osData[0]);
    this.u16(off + 0x2e, osData[1]);
    this.u8(off + 0x30, 2);
    this.u16(off + 0x32, blockChecksum(this.bytes, off, 25));
  }
  stream(off: number, id: string, length: number) {
    this.tag(off, id);
    this.u64(off + 8, length);
    this.u16(off + 20, blockChecksum(this.bytes, off, 10));
  }
  scin(off: number, s: SyntheticBackup, finish: boolean): number {
    const fixed = 0x16c;
    this.tag(off, 'SCIN');
    this.u16(off + 0x18, 4042);
    this.u8(off + 0x1a, 50);
    this.u8(off + 0x1b, 10);
    this.lsn(off + 0x20, s.firstLsn);
    this.lsn(off + 0x2a, s.lastLsn);
    this.lsn(off + 0x34, s.checkpointLsn ?? s.firstLsn);
    this.lsn(off + 0x3e, s.databaseBackupLsn ?? '0');
    this.set(off + 0x48, date(s.databaseCreated ?? '2020-01-01T00:00:00'));
    this.set(off + 0x4d, date(s.start));
    if (finish) this.set(off + 0x52, date(s.finish ?? s.start));
    this.u8(off + 0x57, s.type.charCodeAt(0));
    this.u16(off + 0x5e, s.databaseVersion ?? 661);
    this.u64(off + 0x60, s.size ?? 65536);
    const nameLen = this.utf16(off + fixed, s.database);
    this.u16(off + 0x68, nameLen);
    this.u16(off + 0x6a, fixed);
    const serverLen = this.utf16(off + fixed + nameLen, s.server);
    this.u16(off + 0x6c, serverLen);
    this.u16(off + 0x6e, fixed + nameLen);
    this.u32(off + 0x74, 1033);
    this.set(off + 0x9c, guidBytes('7d1e3b10-0000-4000-8000-00000000f0c4'));
    this.set(off + 0xc8, guidBytes(s.currentDifferentialBaseGuid ?? ZERO_GUID));
    if (s.differentialBaseLsn) this.lsn(off + 0x104, s.differentialBaseLsn);
    this.set(off + 0x110, guidBytes(s.differentialBaseGuid ?? ZERO_GUID));
    const length = fixed + nameLen + serverLen;
    this.u32(off + 4, length);
    return length;
  }
}

/** Builds the head (first 4.5 KB) and tail (last 8 KB) bytes of a synthetic backup file. */
export function buildSyntheticBackup(s: SyntheticBackup): { head: Uint8Array; tail: Uint8Array; size: number } {
  const size = s.size ?? 64 * 1024;
  if (size < HEAD + TAIL) throw new Error(`synthetic backup size ${size} is below ${HEAD + TAIL}`);
  const head = new Writer(new Uint8Array(HEAD));
  const family = s.family ?? { mediaSetId: s.backupSetGuid, sequence: 1, count: 1 };
  // TAPE: media family id, sequence, media password, software name, then the RAID stream.
  head.u32(0x34, 0x44e00587);
  head.u16(0x3c, 1);
  const name = 'Microsoft SQL Server';
  head.u16(0x50, name.length * 2);
  head.u16(0x52, 0x5e);
  head.utf16(0x5e, name);
  head.u16(0x54, 0x400);
  head.u16(0x56, 0x1200);
  head.set(0x58, date(s.start));
  let raid = 0x8c;
  if (s.mediaPassword) {
    head.u16(0x3e, 5);
    head.u16(0x4c, 16);
    head.u16(0x4e, 0x8c);
    raid = 0x9c;
  }
  head.block(0, 'TAPE', raid);
  head.set(raid + 22, guidBytes(family.mediaSetId));
  head.u32(raid + 22 + 0x10, 0xf00000ad);
  head.u16(raid + 22 + 0x14, family.count);
  head.u16(raid + 22 + 0x16, 1);
  head.u16(raid + 22 + 0x18, family.sequence);
  head.stream(raid, 'RAID', 32);
  head.stream(raid + 22 + 32 + 2, 'SPAD', 0x600 - (raid + 22 + 32 + 2) - 22);
  // SSET: password, compression, vendor, set number, user, write date, version, time zone, BackupSetGUID.
  const S = 0x600;
  if (s.backupSetPassword) head.u16(S + 0x38, 3);
  if (s.compressed) head.u16(S + 0x3a, 1);
  head.u16(S + 0x3c, 0x1200);
  head.u16(S + 0x3e, 1);
  const userLen = head.utf16(S + 0x7a, 'CONTOSO\\sqlsvc');
  head.u16(S + 0x4c, userLen);
  head.u16(S + 0x4e, 0x7a);
  head.set(S + 0x58, date(s.start));
  head.u8(S + 0x5d, 10);
  head.u8(S + 0x5e, 50);
  head.u8(S + 0x5f, (s.zone ?? 0) & 0xff);
  head.set(S + 0x64, guidBytes(s.backupSetGuid));
  head.block(S, 'SSET', 0xb4, [21, 0x64]);
  head.block(0xa00, 'VOLB', 0x34);
  // MSCI: MQCI stream holding the SCIN record (finish date left empty, as SQL Server does in the leading copy).
  const scinLen = head.scin(0xe4e, s, false);
  head.stream(0xe38, 'MQCI', scinLen + 0x40);
  head.block(0xe00, 'MSCI', 0x38);
  // Tail: MSLS with the trailing SCIN copy (finish date filled), TSMP, ESET twice, SFMB.
  const tail = new Writer(new Uint8Array(TAIL));
  const tScin = tail.scin(0x4e, s, true);
  tail.stream(0x38, 'MQCI', tScin + 0x40);
  tail.block(0, 'MSLS', 0x38);
  tail.block(TAIL - 3584, 'ESET', 0x34);
  tail.block(TAIL - 2560, 'TSMP', 0x34);
  tail.block(TAIL - 1536, 'ESET', 0x34);
  tail.block(TAIL - 512, 'SFMB', 0x34);
  return { head: head.bytes, tail: tail.bytes, size };
}

/**
 * Writes a synthetic backup file: head at 0, tail at the end, a sparse hole between. `mutate` may damage the head or
 * tail bytes first; `truncateTo` cuts the file (as a copy that stopped half way).
 */
export async function writeSyntheticBackup(
  file: string,
  s: SyntheticBackup,
  opts: { mutate?: (head: Uint8Array, tail: Uint8Array) => void; truncateTo?: number } = {},
): Promise<void> {
  const { head, tail, size } = buildSyntheticBackup(s);
  opts.mutate?.(head, tail);
  await writeFile(file, head);
  const fh = await open(file, 'r+');
  try {
    await fh.write(tail, 0, tail.length, size - tail.length);
  } finally {
    await fh.close();
  }
  if (opts.truncateTo !== undefined) await truncate(file, opts.truncateTo);
}

/** A decimal LSN from its parts (VLF sequence, log block, slot). */
export function lsnOf(vlf: number, block: number, slot = 1): string {
  return (BigInt(vlf) * 10n ** 15n + BigInt(block) * 10n ** 5n + BigInt(slot)).toString();
}

/** A deterministic GUID text from a number (tests). */
export function guidOf(n: number): string {
  const h = n.toString(16).padStart(12, '0');
  return `5a1f0000-0000-4000-8000-${h}`;
}

/**
 * A realistic week of one database, Ola Hallengren style: a full every `days` day(s) at 01:00, a differential at
 * 13:00, a log backup every `logMinutes`. Returns the specs in time order with chained LSNs and GUIDs.
 */
export function databaseHistory(opts: { database: string; server: string; days: number; logMinutes: number; startDay?: string; guidBase?: number }): SyntheticBackup[] {
  const out: SyntheticBackup[] = [];
  const t0 = Date.parse(`${opts.startDay ?? '2024-03-04'}T00:00:00Z`);
  let block = 100;
  let fullGuid: string | null = null;
  let fullLsn = '';
  let lastLog = lsnOf(30, block);
  let g = opts.guidBase ?? 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);
  for (let minute = 60; minute < opts.days * 24 * 60; minute += opts.logMinutes) {
    const at = t0 + minute * 60_000;
    const hourOfDay = (minute / 60) % 24;
    if (minute % (24 * 60) === 60) {
      const first = lsnOf(30, (block += 10), 37);
      const guid = guidOf(g++);
      out.push({ database: opts.database, server: opts.server, type: 'D', firstLsn: first, lastLsn: lsnOf(30, (block += 5)), databaseBackupLsn: fullLsn || '0', start: iso(at), finish: iso(at + 90_000), backupSetGuid: guid, currentDifferentialBaseGuid: fullGuid ?? undefined });
      fullGuid = guid;
      fullLsn = first;
    } else if (hourOfDay === 13 && fullGuid) {
      out.push({ database: opts.database, server: opts.server, type: 'I', firstLsn: lsnOf(30, (block += 10), 38), lastLsn: lsnOf(30, (block += 5)), databaseBackupLsn: fullLsn, start: iso(at), finish: iso(at + 20_000), backupSetGuid: guidOf(g++), differentialBaseGuid: fullGuid, differentialBaseLsn: fullLsn, currentDifferentialBaseGuid: fullGuid });
    }
    if (!fullGuid) continue;
    const next = lsnOf(30, (block += 10));
    out.push({ database: opts.database, server: opts.server, type: 'L', firstLsn: lastLog, lastLsn: next, databaseBackupLsn: fullLsn, start: iso(at + 100_000), finish: iso(at + 105_000), backupSetGuid: guidOf(g++), currentDifferentialBaseGuid: fullGuid });
    lastLog = next;
  }
  return out;
}
