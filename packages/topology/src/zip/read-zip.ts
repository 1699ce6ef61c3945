import { memorySource, runPlanSync } from './byte-source';
import { readCentralDirectory } from './central-directory';
import { readEntryData } from './entry-data';
import { unsafeNameError } from './entry-name';
import { ZipError } from './zip-error';
import { DEFAULT_ZIP_LIMITS, declaredSizeError, totalSizeError, type ZipLimits } from './zip-limits';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/**
 * Reads a zip in memory (pure): the central directory is read and checked first — entry count, declared sizes and
 * ratios against the limits (E_ZIP_LIMIT), names that climb out of the folder or are absolute (E_ZIP_PATH) —
 * and only then are entries inflated, each into a buffer of its declared size and checked against its size and
 * CRC-32 (E_ZIP_CORRUPT). Encrypted entries and other compression methods are E_ZIP_UNSUPPORTED. The first problem
 * found is thrown.
 */
export function readZip(bytes: Uint8Array, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const source = memorySource(bytes);
  try {
    const entries = runPlanSync(readCentralDirectory(bytes.length, { file, maxEntries: limits.maxEntries }), source);
    let total = 0;
    for (const e of entries) {
      total += e.size;
      const refused = unsafeNameError(e, file) ?? declaredSizeError(e, limits, file) ?? totalSizeError(total, limits, file);
      if (refused) throw refused;
    }
    return entries
      .filter((e) => !e.name.endsWith('/'))
      .map((e) => ({ name: e.name, data: runPlanSync(readEntryData(e, bytes.length, { file, keep: e.size }), source).kept }));
  } catch (e) {
    if (e instanceof ZipError && e.code === 'E_ZIP_CORRUPT') {
      throw new ZipError(e.problem, `${e.message}; the zip is damaged — export it again (Export-CsConfiguration -FileName …)`, e.location, e.cause);
    }
    throw e;
  }
}
