export * from './model';
export { parseTopologyDocument, parseOverlay, applyOverlay, toShowJson } from './api';
