export * from './model';
export type { RunbookSpec, RunbookOptions } from './runbooks/spec';
export { drRunbooks } from './runbooks/dr/index';
export * from './runbooks/index';
export * from './worksheets/index';
export * from './plans/index';
export * from './text/index';
