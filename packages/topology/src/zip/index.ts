/** The one zip reader: a central-directory parser and entry reader over a byte source, in memory or streamed. */
export { memorySource, runPlan, runPlanSync, type ByteSource, type ReadPlan, type ReadRequest, type SyncByteSource } from './byte-source';
export { readCentralDirectory, type ZipDirectoryEntry } from './central-directory';
export { crc32 } from './crc32';
export { readEntryData, unreadableError, type EntryData } from './entry-data';
export { isUnsafeEntryName, unsafeNameError } from './entry-name';
export { readZip, type ZipEntry } from './read-zip';
export { ZipError, type ZipProblem } from './zip-error';
export { DEFAULT_ZIP_LIMITS, declaredSizeError, totalSizeError, type ZipLimits } from './zip-limits';
