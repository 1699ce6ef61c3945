/** Helpers for tests and benchmarks: render deployments in both XML forms, the bundled example specs, zips. */
export * from './topology-spec';
export { renderPublished } from './render-published';
export { renderTbxml } from './render-tbxml';
export { frontEndSite, twoSiteSpec, standardEditionSpec } from './example-specs';
export { generateSpec } from './generate-spec';
export { strToU8, zipSync, type Zippable } from 'fflate';
export { writeZip64, type Zip64Entry } from './write-zip64';
