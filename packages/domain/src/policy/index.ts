export type { Evidence, PolicyDefaults, PolicyInput, PolicyRule, Verdict } from './model';
export { evaluatePolicy, countStatuses, defaultPolicy } from './evaluate';
export { evaluateBackupItem } from './backup-item';
export { evaluateBackupService } from './backup-service';
export { evaluateMirrorState } from './mirror-state';
export { evaluateCmsReplication } from './cms-replication';
export { formatDuration } from './words';
export { reasonCodes, type ReasonCode, type ReasonParams } from './reasons';
