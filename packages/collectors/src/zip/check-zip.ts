import { open, stat } from 'node:fs/promises';
import type { Finding } from '@lyncdr/protocol';
import { readCentralDirectory, ZipFormatError, type ZipEntry } from './central-directory';
import { checkEntry } from './entry-stream';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Entries up to this size whose name ends in .xml are kept whole (to parse a topology). */
  keepXmlBytes: number;
}

export const defaultZipLimits: ZipLimits = {
  maxEntries: 200_000,
  maxEntryBytes: 8 * 1024 ** 3,
  maxTotalBytes: 32 * 1024 ** 3,
  keepXmlBytes: 64 * 1024 * 1024,
};

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

const HEAD = 4096;

/** True when an entry name could write outside the folder it is extracted to (absolute, drive, `..`, NUL). */
export function isUnsafeEntryName(name: string): boolean {
  if (name.includes('\0')) return true;
  if (/^([a-zA-Z]:|[\\/])/.test(name)) return true;
  return name.split(/[\\/]/).some((seg) => seg === '..');
}

/**
 * Checks a zip without loading it: the central directory is read from the end of the file, every entry is streamed
 * through inflate + CRC-32 within limits (entry count, bytes per entry, total bytes, declared sizes), and unsafe entry
 * names are reported. Never throws for a damaged file: everything wrong becomes a finding naming the file and entry.
 */
export async function checkZip(file: string, limits: ZipLimits = defaultZipLimits): Promise<ZipCheck> {
  const result: ZipCheck = { file, opened: false, ok: false, bytes: 0, entries: [], findings: [], heads: new Map() };
  const add = (code: string, message: string) => result.findings.push({ code, message: `${file}: ${message}`, path: file, severity: 'error' });
  let fh;
  try {
    const st = await stat(file);
    result.bytes = st.size;
    fh = await open(file, 'r');
  } catch (e) {
    add('ZIP_UNREADABLE', `cannot open (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return result;
  }
  try {
    let entries: ZipEntry[];
    try {
      entries = await readCentralDirectory(fh, result.bytes, limits);
    } catch (e) {
      if (e instanceof ZipFormatError) add(e.code, e.message);
      else add('ZIP_UNREADABLE', (e as Error).message);
      return result;
    }
    result.opened = true;
    const declared = entries.reduce((n, e) => n + e.size, 0);
    if (declared > limits.maxTotalBytes) {
      add('ZIP_BOMB', `the entries declare ${declared} bytes in total, over the ${limits.maxTotalBytes}-byte limit; refused as a possible zip bomb`);
      return result;
    }
    for (const e of entries) {
      if (isUnsafeEntryName(e.name)) {
        add('ZIP_UNSAFE_NAME', `entry ${JSON.stringify(e.name)} has a path that escapes the extraction folder`);
        result.entries.push({ name: e.name, size: e.size, compressedSize: e.compressedSize, ok: false, code: 'ZIP_UNSAFE_NAME' });
        continue;
      }
      if (e.name.endsWith('/')) {
        result.entries.push({ name: e.name, size: 0, compressedSize: 0, ok: true, code: null });
        continue;
      }
      const keep = /\.xml$/i.test(e.name) && e.size <= limits.keepXmlBytes ? e.size : HEAD;
      const c = await checkEntry(fh, result.bytes, e, { maxEntryBytes: limits.maxEntryBytes, keep });
      result.entries.push({ name: e.name, size: e.size, compressedSize: e.compressedSize, ok: c.ok, code: c.code ?? null });
      if (!c.ok) add(c.code ?? 'ZIP_CORRUPT', `entry ${e.name}: ${c.message}`);
      else if (c.head) result.heads.set(e.name, c.head);
    }
    result.ok = result.findings.length === 0;
    return result;
  } finally {
    await fh.close();
  }
}
