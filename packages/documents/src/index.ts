export * from './model';
export type { RunbookSpec, RunbookOptions } from './runbooks/spec';
export { drRunbooks } from './runbooks/dr/index';
