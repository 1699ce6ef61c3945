import type { Severity, TopologyFinding } from '../model';

export function finding(
  code: string,
  severity: Severity,
  subject: string | null,
  message: string,
  ref: string | null,
): TopologyFinding {
  return { code, severity, message, subject, ref };
}

/** Reference pages the rules come from (file names under shared/reference/docs-en). */
export const REF = {
  pairing: 'lync-server-2013-supported-pool-pairing-options-and-best-practices.md',
  reciprocal: 'lync-server-2013-backup-registrar-relationships.md',
  backEndHa: 'lync-server-2013-back-end-server-high-availability.md',
  frontEndDr: 'lync-server-2013-front-end-pool-disaster-recovery.md',
  cmsFailover: 'lync-server-2013-central-management-store-failover.md',
  fileSharing: 'lync-server-2013-file-sharing-high-availability.md',
  failingOver: 'lync-server-2013-failing-over-a-pool.md',
} as const;
