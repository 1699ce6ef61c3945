import type { ZipDirectoryEntry } from './central-directory';
import { ZipError } from './zip-error';

/** True when an entry name could write outside the folder it is extracted to (absolute, drive, `..`, NUL). */
export function isUnsafeEntryName(name: string): boolean {
  if (name.includes('\0')) return true;
  if (/^([a-zA-Z]:|[\\/])/.test(name)) return true;
  return name.split(/[\\/]/).some((seg) => seg === '..');
}

/** The path-traversal refusal for an unsafe entry name; null for a safe one. */
export function unsafeNameError(e: ZipDirectoryEntry, file: string): ZipError | null {
  if (!isUnsafeEntryName(e.name)) return null;
  return new ZipError(
    'unsafe-name',
    `entry name ${JSON.stringify(e.name)} points outside the archive folder (path traversal); refused`,
    { file, where: e.name },
  );
}
