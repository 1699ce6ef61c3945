import type { ZipDirectoryEntry } from './central-directory';
import { ZipError } from './zip-error';

/** What a reader accepts from one zip, all checked on the central directory before any entry is inflated. */
export interface ZipLimits {
  /** Most entries a zip may hold. */
  maxEntries: number;
  /** Most uncompressed bytes over all entries (declared sizes). */
  maxTotalBytes: number;
  /** Most uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Highest uncompressed/compressed ratio accepted for an entry over 1 MiB (`Infinity`: no ratio check). */
  maxRatio: number;
}

/** The limits for a zip read whole in memory (a CMS export carrying a topology). */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntryBytes: 64 * 1024 * 1024,
  maxRatio: 1000,
};

const RATIO_FROM = 1024 * 1024;

/** The entry's declared size over the per-entry limit, or an expansion ratio over the limit; null when neither. */
export function declaredSizeError(e: ZipDirectoryEntry, limits: ZipLimits, file: string): ZipError | null {
  const location = { file, where: e.name };
  if (e.size > limits.maxEntryBytes) {
    return new ZipError(
      'too-large',
      `entry ${e.name} declares ${e.size} bytes uncompressed, over the ${limits.maxEntryBytes}-byte limit per entry (zip bomb?)`,
      location,
    );
  }
  const ratio = e.size / Math.max(1, e.compressedSize);
  if (e.size > RATIO_FROM && ratio > limits.maxRatio) {
    return new ZipError('too-large', `entry ${e.name} expands ${Math.round(ratio)}× (over ${limits.maxRatio}×): refused as a zip bomb`, location);
  }
  return null;
}

/** The sum of the declared sizes (of all entries, or of those counted so far) over the total limit. */
export function totalSizeError(total: number, limits: ZipLimits, file: string): ZipError | null {
  if (total <= limits.maxTotalBytes) return null;
  return new ZipError(
    'too-large',
    `the entries declare more than ${limits.maxTotalBytes} bytes uncompressed in all (${total} counted); refused before inflating (zip bomb?)`,
    { file },
  );
}
