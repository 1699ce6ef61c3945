export { checkZip, defaultZipLimits, isUnsafeEntryName, type CheckZipOptions, type ZipCheck, type ZipEntryReport, type ZipLimits } from './check-zip';
