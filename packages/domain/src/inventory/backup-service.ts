import type { Topology } from '@lyncdr/topology';
import type { BackupServiceCoverage } from './model';
import { REF } from './refs';
import { databaseRemovedBy } from './versions';

/**
 * What the Backup Service replicates between paired pools and what it does not (REFERENCE §0 rule 6, §d.2):
 * [lync-server-2013-front-end-pool-pairing-data-security.md, lync-server-2013-central-management-store-failover.md,
 * lync-server-2013-user-experience-during-pool-failure.md, lync-server-2013-backup-prerequisites-for-abc-pool-failover.md].
 * Persistent Chat is left out of a Skype for Business Server 2019 deployment that keeps none (versions.ts).
 */
export function backupServiceCoverage(t: Topology): BackupServiceCoverage {
  const cmsPaired = t.cms?.standbyPool ?? (t.cms ? t.pools.find((p) => p.fqdn === t.cms!.pool)?.backupPool ?? null : null);
  const replicates = [
    { module: 'UserServices.PresenceFocus', what: 'user data (SIP URIs, contact lists, settings)' },
    { module: 'ConfServices.DataConf', what: 'conference content in the file store' },
  ];
  const noPersistentChat =
    t.product?.version === 'sfb2019' && !t.sqlStores.some((s) => s.kind === 'PersistentChat' && !databaseRemovedBy(t, s.pools, 'mgc'));
  if (cmsPaired) replicates.push({ module: 'CentralMgmt.CMSMaster', what: `the Central Management store (standby copy in ${cmsPaired})` });
  return {
    pairs: t.pairs,
    replicates: t.pairs.length ? replicates : [],
    doesNotProtect: [
      { what: 'Location Information Service (E9-1-1) data', ref: REF.userExperience },
      { what: 'Response Group configuration and application-level settings', ref: REF.abcPrerequisites },
      { what: 'Call Park settings and custom music on hold', ref: REF.abcPrerequisites },
      { what: 'Announcement audio files and configuration', ref: REF.abcPrerequisites },
      { what: 'Archiving and Monitoring databases', ref: REF.abcPrerequisites },
      ...(noPersistentChat ? [] : [{ what: 'Persistent Chat (its own disaster-recovery design: stretched pool, mirroring and log shipping)', ref: REF.persistentChat }]),
      { what: 'Active Directory Domain Services, certificates, DNS, load balancers, IIS, firewalls, PSTN gateways, Exchange / Unified Messaging', ref: REF.requirementsData },
      { what: 'users homed on Survivable Branch Appliances', ref: 'lync-server-2013-backup-registrar-relationships.md' },
    ],
  };
}
