export { allRunbooks, findRunbook, backupRestoreRunbooks } from './registry';
export { checkNamedPools } from './common/pools';
export { runbookDocument, type RunbookContent, type RunbookSection, type RunbookStep } from './common/procedure';
