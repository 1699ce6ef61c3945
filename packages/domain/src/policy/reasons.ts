/**
 * Machine-readable status reasons: every English `reason` comes with one of these codes and its parameters (durations
 * in seconds, times in ISO 8601, collector texts as they came), so that a client can say it in another language.
 */
export const reasonCodes = [
  'item.noReport', 'item.runFailed', 'item.noGoodBackup', 'item.futureLastGood', 'item.late', 'item.tooSlow', 'item.tooFast', 'item.ok',
  'probe.noReport', 'probe.failed', 'probe.findings',
  'backupService.noModules', 'backupService.steady', 'backupService.notSteady',
  'mirror.noDatabases', 'mirror.synchronized', 'mirror.notSynchronized', 'mirror.notSupported',
  'cms.noReplicas', 'cms.upToDate', 'cms.notUpToDate',
  'drill.never', 'drill.ok', 'drill.overdue',
] as const;
export type ReasonCode = (typeof reasonCodes)[number];
export type ReasonParams = Record<string, unknown>;

/** A reason in English words and as code + parameters. */
export interface Said {
  text: string;
  code: ReasonCode;
  params: ReasonParams;
}
