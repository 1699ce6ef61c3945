export { checkZip, defaultZipLimits, isUnsafeEntryName, type ZipCheck, type ZipEntryReport, type ZipLimits } from './check-zip';
export { readCentralDirectory, type ZipEntry } from './central-directory';
