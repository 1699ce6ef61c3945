import type { Finding } from '@lyncdr/protocol';
import { openFileSource } from '@lyncdr/sql-backup';
import {
  declaredSizeError,
  isUnsafeEntryName,
  readCentralDirectory,
  readEntryData,
  runPlan,
  totalSizeError,
  unsafeNameError,
  ZipError,
  type ByteSource,
  type ZipLimits,
  type ZipProblem,
} from '@lyncdr/topology/zip';

export { isUnsafeEntryName, type ZipLimits } from '@lyncdr/topology/zip';

/** The limits of the streamed check: exports of several gigabytes are normal; no ratio check (the output is bounded). */
export const defaultZipLimits: ZipLimits = {
  maxEntries: 200_000,
  maxEntryBytes: 8 * 1024 ** 3,
  maxTotalBytes: 32 * 1024 ** 3,
  maxRatio: Number.POSITIVE_INFINITY,
};

export interface CheckZipOptions {
  /** Entries up to this size whose name ends in .xml are kept whole (to parse a topology); 64 MiB by default. */
  keepXmlBytes?: number;
  /** Opens the file for positioned reads; @lyncdr/sql-backup's file source by default (tests inject failures). */
  openSource?: (file: string) => Promise<ByteSource>;
}

export interface ZipEntryReport {
  name: string;
  size: number;
  compressedSize: number;
  ok: boolean;
  code: string | null;
}

export interface ZipCheck {
  file: string;
  opened: boolean;
  ok: boolean;
  bytes: number;
  entries: ZipEntryReport[];
  findings: Finding[];
  /** Content of small XML entries (whole) and the first 4 KiB of the others, by entry name. */
  heads: Map<string, Buffer>;
}

/** The finding code of each problem the zip reader names. */
const FINDING_CODES: Record<ZipProblem, string> = {
  'not-zip': 'ZIP_NOT_ZIP',
  truncated: 'ZIP_TRUNCATED',
  damaged: 'ZIP_CORRUPT',
  crc: 'ZIP_CRC',
  overflow: 'ZIP_BOMB',
  'too-many-entries': 'ZIP_LIMIT',
  'too-large': 'ZIP_BOMB',
  'unsafe-name': 'ZIP_UNSAFE_NAME',
  encrypted: 'ZIP_ENCRYPTED',
  method: 'ZIP_METHOD',
};

const HEAD = 4096;
const CHUNK = 256 * 1024;

/**
 * Checks a zip without loading it: the central directory is read from the end of the file, every entry is streamed
 * through inflate + CRC-32 within limits (entry count, bytes per entry, total bytes, declared sizes), and unsafe entry
 * names are reported. Never throws for a damaged file: everything wrong becomes a finding naming the file and entry.
 */
export async function checkZip(file: string, limits: ZipLimits = defaultZipLimits, options: CheckZipOptions = {}): Promise<ZipCheck> {
  const result: ZipCheck = { file, opened: false, ok: false, bytes: 0, entries: [], findings: [], heads: new Map() };
  const add = (code: string, message: string) => result.findings.push({ code, message: `${file}: ${message}`, path: file, severity: 'error' });
  /** The finding for what the reader threw; anything but a ZipError is an I/O failure (ZIP_UNREADABLE). */
  const report = (e: unknown, entry?: string): string => {
    if (e instanceof ZipError) {
      add(FINDING_CODES[e.problem], e.message);
      return FINDING_CODES[e.problem];
    }
    add('ZIP_UNREADABLE', `${entry ? `entry ${entry}: ` : ''}cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return 'ZIP_UNREADABLE';
  };
  let source: ByteSource;
  try {
    source = await (options.openSource ?? openFileSource)(file);
    result.bytes = await source.size();
  } catch (e) {
    add('ZIP_UNREADABLE', `cannot open (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return result;
  }
  try {
    let entries;
    try {
      entries = await runPlan(readCentralDirectory(result.bytes, { file, maxEntries: limits.maxEntries }), source);
    } catch (e) {
      report(e);
      return result;
    }
    result.opened = true;
    const tooLarge = totalSizeError(entries.reduce((n, e) => n + e.size, 0), limits, file);
    if (tooLarge) {
      report(tooLarge);
      return result;
    }
    const into = new Uint8Array(CHUNK);
    const keepXml = options.keepXmlBytes ?? 64 * 1024 * 1024;
    for (const e of entries) {
      const sizes = { name: e.name, size: e.size, compressedSize: e.compressedSize };
      if (e.name.endsWith('/') && !isUnsafeEntryName(e.name)) {
        result.entries.push({ ...sizes, size: 0, compressedSize: 0, ok: true, code: null });
        continue;
      }
      try {
        const refused = unsafeNameError(e, file) ?? declaredSizeError(e, limits, file);
        if (refused) throw refused;
        const keep = /\.xml$/i.test(e.name) && e.size <= keepXml ? e.size : HEAD;
        const data = await runPlan(readEntryData(e, result.bytes, { file, keep, into }), source);
        result.heads.set(e.name, Buffer.from(data.kept.buffer, data.kept.byteOffset, data.kept.length));
        result.entries.push({ ...sizes, ok: true, code: null });
      } catch (err) {
        result.entries.push({ ...sizes, ok: false, code: report(err, e.name) });
      }
    }
    result.ok = result.findings.length === 0;
    return result;
  } finally {
    await source.close();
  }
}
