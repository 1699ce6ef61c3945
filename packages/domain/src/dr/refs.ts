/** Reference pages (file names under shared/reference/docs-en) the DR rules come from. */
export const REF = {
  managing: 'lync-server-2013-managing-lync-server-disaster-recovery-high-availability-and-backup-service.md',
  failover: 'lync-server-2013-failing-over-a-pool.md',
  failback: 'lync-server-2013-failing-back-a-pool.md',
  failoverCmdlet: 'cmdlets/Invoke-CsPoolFailOver.md',
  failbackCmdlet: 'cmdlets/Invoke-CsPoolFailBack.md',
  cms: 'lync-server-2013-central-management-store-failover.md',
  cmsCmdlet: 'cmdlets/Invoke-CsManagementServerFailover.md',
  mirror: 'lync-server-2013-failing-over-a-mirrored-database.md',
  mirrorCmdlet: 'cmdlets/Invoke-CsDatabaseFailover.md',
  backupStatus: 'cmdlets/Get-CsBackupServiceStatus.md',
  backupSync: 'cmdlets/Invoke-CsBackupServiceSync.md',
  configuringBackup: 'lync-server-2013-configuring-and-monitoring-the-backup-service.md',
  edgeNextHop: 'cmdlets/Set-CsEdgeServer.md',
  lyncFederation: 'lync-server-2013-failing-over-the-edge-pool-used-for-lync-server-federation.md',
  xmppFederation: 'lync-server-2013-failing-over-the-edge-pool-used-for-xmpp-federation.md',
  edgeFailback: 'lync-server-2013-failing-back-the-edge-pool-used-for-lync-server-federation-or-xmpp-federation.md',
  edgeDr: 'lync-server-2013-edge-server-disaster-recovery.md',
  edgeAssociate: 'lync-server-2013-changing-the-edge-pool-associated-with-a-front-end-pool.md',
  setSite: 'cmdlets/Set-CsSite.md',
  conferenceContent: 'lync-server-2013-restoring-conference-contents-using-the-backup-service.md',
  abc: 'lync-server-2013-front-end-pool-abc-failover-procedure.md',
  abcPrereq: 'lync-server-2013-backup-prerequisites-for-abc-pool-failover.md',
  userExperience: 'lync-server-2013-user-experience-during-pool-failure.md',
  rgs: 'lync-server-2013-response-group-disaster-recovery-procedures.md',
  announcements: 'lync-server-2013-manage-announcements-during-disaster-recovery.md',
  groupPickup: 'lync-server-2013-manage-group-call-pickup-during-disaster-recovery.md',
  callParkOrbit: 'cmdlets/Set-CsCallParkOrbit.md',
  recoveryTime: 'lync-server-2013-recovery-time-for-pool-failover-and-pool-failback.md',
  pairing: 'lync-server-2013-deploying-paired-front-end-pools-for-disaster-recovery.md',
} as const;

/** Figures from the reference, in minutes (REFERENCE §d.3). */
export const MINUTES = {
  /** Lync 2013 pool failover / failback engineering target (RTO 30 min, RPO 30 min). */
  poolFailover: 30,
  /** Failback of 20,000 users: up to about 60 minutes (failing-back-a-pool). */
  poolFailback: 60,
  /** CMS failover RTO. */
  cmsFailover: 5,
  /** Back End mirror failover RTO. */
  dbFailover: 5,
} as const;
