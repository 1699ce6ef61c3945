import type { WorksheetStrings } from './strings';

export const worksheetEn: WorksheetStrings = {
  allTitle: 'Backup and Restoration Worksheets',
  headerNote:
    'These worksheets cover only the information needed to restore Lync Server data and settings. Keep one or more copies in a secure, readily accessible place.',
  suggested: 'Suggested',
  afterChange: 'and after every change',
  schedule: (s) => {
    const at = (t: string | null) => (t ? ` ${t}` : '');
    if (s.kind === 'daily') return `daily${at(s.time)}`;
    if (s.kind === 'weekly') return `weekly on ${s.day[0]!.toUpperCase()}${s.day.slice(1)}${at(s.time)}`;
    if (s.kind === 'hours') return s.every === 1 ? 'hourly' : `every ${s.every} hours`;
    return `every ${s.every} minutes`;
  },
  every: (h) => (h === 24 ? 'daily (every 24 hours)' : h % 24 === 0 ? `every ${h / 24} days` : `every ${h} hours`),
  backupSet: ['Name:', 'Expiration:'],
  ownerLabel: 'Owner',
  exactCommand: 'Command',
  backupServiceLabel: 'Backup Service',
  productLabel: 'Product version',
  productNames: { lync2013: 'Lync Server 2013', sfb2015: 'Skype for Business Server 2015', sfb2019: 'Skype for Business Server 2019' },
  alwaysOnListener: (i) => `${i} is the listener of an AlwaysOn Availability Group (the store’s SQL Server FQDN in Topology Builder).`,
  statusColumns: ['Last good backup', 'Age', 'Status'],
  noStatusEntry: 'no entry in the status snapshot',
  statusAsOf: 'Backup status as of',
  database: {
    title: 'Database Backup and Restoration Worksheet',
    intro: 'Use this table to record the information needed to back up and restore the Lync Server databases of this deployment.',
    caption: 'Database Information for Backup and Restoration',
    columns: ['Database', 'Server name (FQDN)', 'Backup schedule', 'Database backup tool', 'Backup set', 'Backup destination', 'Notes'],
    noBackupTitle: 'Databases that need no backup and restoration',
    noBackupColumns: ['Database', 'Server', 'Reason'],
  },
  filestore: {
    title: 'File Store Backup and Restoration Worksheet',
    intro:
      'File stores hold meeting content metadata, meeting compliance logs, device-update logs and audio files for Response Group, Call Park and Announcement applications.',
    caption: 'File Store Information for Backup and Restoration',
    columns: ['Content', 'Server name (FQDN)', 'Backup schedule', 'File system backup tool', 'File share to be backed up', 'Backup destination', 'Notes'],
    shareText: (unc) => unc,
  },
  settings: {
    title: 'Settings Backup and Restoration Worksheet',
    intro: 'Use this table to record the information needed to back up and restore settings.',
    caption: 'Settings Information for Backup and Restoration',
    columns: ['Database', 'Server name (FQDN)', 'Backup schedule', 'Backup tool', 'Configuration file name', 'Backup location', 'Notes'],
    otherTitle: 'Other data a restore needs (outside Lync Server)',
    otherColumns: ['Data', 'Content', 'Backup schedule', 'Backup tool', 'Owner', 'Backup destination'],
  },
  coverage: {
    title: 'What the Backup Service protects, and what it does not',
    replicates: 'Replicated between paired pools by the Backup Service',
    notProtected: 'Not protected by the Backup Service (back it up as listed in these worksheets)',
    pairs: 'Paired pools',
    noPairs: 'No paired pools: the Backup Service protects nothing in this deployment.',
  },
  restore: {
    title: 'Restoration Worksheet',
    intro:
      'For each failure, the procedure to follow, in order, with this deployment’s servers. Tick each step, write the start and finish times and your initials. Restore only after troubleshooting has failed.',
    columns: ['Done', '#', 'Step', 'Command', 'Run on', 'Started', 'Finished', 'Initials'],
    whatFailed: 'What failed',
    procedure: 'Procedure',
    rtoTarget: 'RTO target',
    rtoFromOverlay: 'from lyncdr.yaml',
    rtoFromReference: 'Microsoft engineering target',
    decidedBy: 'Restore decided by',
    backupFiles: 'Backup files needed',
    preconditionsTitle: 'Before any restore',
    preconditions: [
      'A clean or new computer with the same FQDN as the failed one; its Active Directory computer account was not deleted',
      'Operating system installed, certificates restored or re-enrolled',
      'SQL Server installed with the same instance names (database servers)',
      'A system image taken as a rollback point',
      'The latest worksheets and the backup folder ($Backup) at hand',
      'Signed in as a member of RTCUniversalServerAdmins (and local Administrators)',
    ],
  },
  rows: {
    userdata: 'Rtc database on Back End Server for user data',
    configuration: 'Xds database in Central Management store for topology configuration (global)',
    lis: 'Lis database in Central Management store for E9-1-1 location information (global)',
    rgs: 'RgsConfig database on Back End Server for Response Group configuration (pool)',
    archiving: 'LcsLog (default name) database on Archiving database server',
    'monitoring-cdr': 'LcsCdr database on Monitoring database server for call detail records (CDRs)',
    'monitoring-qoe': 'QoEMetrics database on Monitoring database server for Quality of Experience (QoE) data',
    persistentchat: 'Persistent Chat Database',
    'sql-other': 'Database not named by the backup reference',
    filestore: 'Lync Server File Store',
    'callpark-moh': 'Call Park custom music on hold',
    announcements: 'Announcement audio files',
    certificates: 'Certificates and private keys',
    'ad-ds': 'Active Directory Domain Services',
    infrastructure: 'Infrastructure configuration',
  },
  tools: {
    'Export-CsUserData cmdlet': 'Export-CsUserData cmdlet',
    'Export-CsConfiguration cmdlet': 'Export-CsConfiguration cmdlet',
    'Export-CsLisConfiguration cmdlet': 'Export-CsLisConfiguration cmdlet',
    'Export-CsRgsConfiguration cmdlet': 'Export-CsRgsConfiguration cmdlet',
    'SQL Server management tool': 'SQL Server management tool',
    'SQL Server management tool or Export-CsPersistentChatData cmdlet': 'SQL Server management tool or Export-CsPersistentChatData cmdlet',
    'Standard backup tool, such as Robocopy': 'Standard backup tool, such as Robocopy',
    Xcopy: 'Xcopy',
  },
  notes: {
    filestore: ['Do not back up files named Meeting.Active (in use and locked during a meeting).'],
    lis: ['Not replicated to the backup pool: after a failover, import the latest LIS backup into the backup pool.', 'Does not overwrite an existing file; from a remote session use -AsBytes.'],
    rgs: ['Not replicated by the Lync Server 2013 Backup Service.'],
    configuration: ['Back up after every change too. A rebuilt Edge Server imports this file with Import-CsConfiguration -LocalStore.'],
    persistentchat: ['A SQL Server backup is about 20 times larger than the Export-CsPersistentChatData file. Restores only to the last full backup.'],
    'callpark-moh': ['Not covered by any disaster-recovery mechanism. Restore: Xcopy into the new pool’s CPS folder, then Set-CsCpsConfiguration.'],
    announcements: ['Keep the original audio files too. Restore: Import-CsAnnouncementFile and New-CsAnnouncement.'],
    archiving: ['After a restore, check that RTCComponentUniversalServices has the ServerRole role.'],
    'monitoring-cdr': ['After a restore, check that RTCComponentUniversalServices has the ServerRole role.'],
    'monitoring-qoe': ['After a restore, check that RTCComponentUniversalServices has the ServerRole role.'],
    'sql-other': ['Confirm whether this database needs a backup.'],
  },
  // Response Group data replication by the Backup Service came with the Skype for Business Server 2019 July 2019
  // cumulative update (docs-sfb/SfBServer2019/backup-rgs-data.md); -EnableRgsBackupService is "Applicable: Skype for
  // Business Server 2019" only (docs-sfb/cmdlets/Set-CsBackupServiceConfiguration.md).
  versionNotes: {
    rgs: {
      sfb2015: ['Not replicated by the Skype for Business Server 2015 Backup Service.'],
      sfb2019: ['Replicated to the paired pool by the Backup Service only from the July 2019 cumulative update, once Set-CsBackupServiceConfiguration -EnableRgsBackupService 1 has been run; keep this export.'],
    },
  },
  noBackupReasons: {
    rtcdyn: 'Transient user data, not needed to restore service.',
    rtcab: 'Address Book database, re-created automatically from the global address list in Active Directory Domain Services.',
    rtcab1: 'Address Book database, re-created automatically from the global address list in Active Directory Domain Services.',
    rgsdyn: 'Transient Response Group data, not needed to restore service.',
    cpsdyn: 'Dynamic Call Park information, not needed to restore service.',
    mgccomp: 'Persistent Chat compliance database, not needed to restore service.',
    rtcshared: 'Re-created by Install-CsDatabase or the Deployment Wizard; the user data it serves is backed up with Export-CsUserData.',
  },
  poolConfig: (kind) => `${kind} pool: configuration comes from the Central Management store (Export-CsConfiguration); members are rebuilt with the Deployment Wizard.`,
  serviceText: {
    userdata: (p) => `User data replicated to ${p} (UserServices.PresenceFocus).`,
    conference: (pairs) => `Conference content replicated (ConfServices.DataConf): ${pairs}.`,
    cms: (p) => `Standby copy kept in ${p} (CentralMgmt.CMSMaster).`,
  },
  doesNotProtect: [
    'Location Information Service (E9-1-1) data',
    'Response Group configuration and application-level settings',
    'Call Park settings and custom music on hold',
    'Announcement audio files and configuration',
    'Archiving and Monitoring databases',
    'Active Directory Domain Services, certificates, DNS, load balancers, IIS, firewalls, PSTN gateways, Exchange / Unified Messaging',
    'Users homed on Survivable Branch Appliances',
  ],
  doesNotProtectPersistentChat: 'Persistent Chat (its own disaster-recovery design)',
  other: {
    certificates: { content: 'Server certificates and private keys of every server (and the issuing CA)', tool: 'Certificate export (exportable keys) or re-enrollment from the CA' },
    'ad-ds': { content: 'User SIP attributes, Response Group and CAA contact objects, the Central Management store service connection point, RTC groups', tool: 'AD DS backup, at the same time as the Lync Server backups' },
    infrastructure: { content: 'DNS records, IP addresses, load balancers, IIS, firewalls, PSTN gateways and Survivable Branch Appliances, Exchange / Unified Messaging', tool: 'The vendor’s or owner’s procedure' },
  },
};
