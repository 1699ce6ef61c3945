export * from './types';
export { sqlCollectors } from './sql/index';
export { createRegistry, builtinCollectors, type Registry } from './registry';
export { fileStoreCollector, compareTrees, walkSorted, sha256File, type CompareOptions, type CompareResult, type FolderSummary } from './file-store/index';
export {
  createExportsCollector,
  exportsCollector,
  verifyExport,
  kindFromName,
  exportKinds,
  exportCmdlet,
  type ExportFileResult,
  type ExportKind,
  type ParseTopology,
} from './exports/index';
export { checkZip, isUnsafeEntryName, defaultZipLimits, type ZipCheck, type ZipLimits } from './zip/index';
export { backupServiceCollector, normaliseBackupStatus, exportStates, importStates } from './bridge/backup-service';
export { cmsReplicationCollector, normaliseReplication } from './bridge/cms-replication';
export { mirrorStateCollector, normaliseMirrorRows, mirrorDatabaseTypes } from './bridge/mirror-state';
export { readRegularFile, readRegularFileSync, type ReadRegularFileOptions } from './files/read-regular-file';
export { observationKinds } from './observation-kinds';
