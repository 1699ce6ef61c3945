import type { RunbookSpec } from './spec';
import { drRunbooks } from './dr/index';
import { backupRunbook } from './backup';
import { backupServiceRunbook } from './backup-service';
import { restoreBackEndRunbook } from './restore/back-end';
import { restoreCmsRunbook } from './restore/cms';
import { restoreFileStoreRunbook } from './restore/file-store';
import { restoreMemberRunbook } from './restore/member';
import { restoreMirrorRunbook } from './restore/mirror';
import { restoreMirrorPrimaryRunbook } from './restore/mirror-primary';
import { restoreMonitoringArchivingRunbook } from './restore/monitoring-archiving';
import { restorePersistentChatRunbook } from './restore/persistent-chat';
import { restorePoolRunbook } from './restore/pool';
import { restoreResponseGroupRunbook } from './restore/response-group';
import { restoreStandardEditionRunbook } from './restore/standard-edition';

/** The backup and restore runbooks (REFERENCE §a–§d), in the order they are listed. */
export const backupRestoreRunbooks: RunbookSpec[] = [
  backupServiceRunbook,
  backupRunbook,
  restoreStandardEditionRunbook,
  restoreCmsRunbook,
  restoreBackEndRunbook,
  restoreMirrorPrimaryRunbook,
  restoreMirrorRunbook,
  restoreMemberRunbook,
  restorePoolRunbook,
  restoreFileStoreRunbook,
  restoreMonitoringArchivingRunbook,
  restorePersistentChatRunbook,
  restoreResponseGroupRunbook,
];

/** Every runbook: backup and restore, then the disaster-recovery ones. */
export function allRunbooks(): RunbookSpec[] {
  return [...backupRestoreRunbooks, ...drRunbooks];
}

/** The runbook with this id (case-insensitive), or null. */
export function findRunbook(id: string): RunbookSpec | null {
  const want = id.trim().toLowerCase();
  return allRunbooks().find((r) => r.id === want) ?? null;
}
