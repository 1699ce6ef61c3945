/**
 * The steps of the ABC Front End pool failover (pool A lost for good, rebuilt as pool C with a new FQDN, then paired
 * with B), as data: lync-server-2013-front-end-pool-abc-failover-procedure.md, read with the ERRATA of REFERENCE §e.7.
 * Steps 2 (CMS failover), 7 (pool failover) and 26 (Backup Service sync) are the generic operations.
 * `after` lists the stages that must be done first; rule 8 of REFERENCE §0: C's services stay stopped until users,
 * conference directory, CAA endpoint, conference content, user data and Call Park are moved.
 */
import type { Topology } from '@lyncdr/topology';
import { REF } from '../refs';
import { TBD } from '../topology-view';
import type { DrState } from '../types';

export interface AbcNames { a: string; b: string; c: string }

export interface AbcStage {
  id: string;
  /** Step number on the procedure page. */
  page: string;
  title: (n: AbcNames) => string;
  command: ((n: AbcNames) => string) | null;
  instructions?: (n: AbcNames) => string[];
  check: ((n: AbcNames) => string) | null;
  /** Where to run it: the partner B, the new pool C, or anywhere. */
  on: 'b' | 'c' | null;
  after: string[];
  /** Only when this holds for the deployment (e.g. Persistent Chat present, CMS on B). */
  when?: (t: Topology, state: DrState, n: AbcNames) => boolean;
  notes?: string[];
  ref: string;
}

const app = (pool: string): string => `"service:ApplicationServer:${pool}"`;
const ph = (what: string): string => `<${TBD}: ${what}>`;

export const ABC_STAGES: AbcStage[] = [
  {
    id: 'locate-cms', page: '1', on: null, after: [], ref: REF.abc,
    title: () => 'Find the active Central Management store',
    command: () => 'Get-CsService -CentralManagement',
    check: (n) => `If the Identity names pool ${n.a}, fail the CMS over to ${n.b} (next step); otherwise skip it`,
  },
  {
    id: 'lis-import', page: '3', on: null, after: [], ref: REF.abc,
    when: (_t, s, n) => s.cmsActive === n.a,
    title: () => 'Import the latest LIS configuration (the CMS was on the lost pool)',
    command: () => `Import-CsLisConfiguration -FileName ${ph('latest Export-CsLisConfiguration file of the lost pool')}`,
    check: null,
    notes: ['LIS (E9-1-1) data is never replicated by the Backup Service (REFERENCE §0 rule 6).'],
  },
  {
    id: 'lis-publish', page: '3', on: null, after: ['lis-import'], ref: REF.abc,
    when: (_t, s, n) => s.cmsActive === n.a,
    title: () => 'Publish the LIS configuration',
    command: () => 'Publish-CsLisConfiguration',
    check: null,
  },
  {
    id: 'rgs-import-b', page: '4', on: 'b', after: [], ref: REF.abc,
    title: (n) => `Import ${n.a}'s Response Group configuration into ${n.b}`,
    command: (n) => `Import-CsRgsConfiguration -Destination ${app(n.b)} -FileName ${ph(`latest Export-CsRgsConfiguration file of ${n.a}`)}`,
    check: (n) => `Get-CsRgsWorkflow -Identity ${app(n.b)} -Owner ${app(n.a)} lists ${n.a}'s workflows (also Get-CsRgsQueue, Get-CsRgsAgentGroup) — step 5`,
    notes: [
      'Rename workflows/queues of B that clash with A\'s first, or add -ResolveNameConflicts; add -ReplaceExistingRgsSettings to carry A\'s application-level settings (ERRATUM: the page writes -ReplaceExistingSettings).',
      'UNCERTAIN: Get-CsRgsWorkflow/-Queue/-AgentGroup have no reference page here; -Owner is unverified (REFERENCE §j.4).',
    ],
  },
  {
    id: 'announcements-b', page: '6', on: 'b', after: [], ref: REF.announcements,
    title: (n) => `Recreate ${n.a}'s announcements on ${n.b}`,
    command: null,
    instructions: (n) => [
      `Import the announcement audio files and create the announcements with parent ${n.b} (Import-CsAnnouncementFile, New-CsAnnouncement).`,
      `For each unassigned number range: Set-CsUnassignedNumber -Identity <range> -AnnouncementService ${n.b} -AnnouncementName <name>.`,
    ],
    check: () => 'A test call to an unassigned number plays the announcement',
  },
  {
    id: 'build-c', page: '8', on: 'c', after: [], ref: REF.abc,
    title: (n) => `Build the new pool ${n.c} (do not start its services)`,
    command: null,
    instructions: (n) => [
      `Define pool ${n.c} (new FQDN) in Topology Builder, publish, install the servers — but do NOT start Lync services on ${n.c}.`,
      'This can overlap the previous steps.',
    ],
    check: (n) => `Get-CsPool -Identity ${n.c} lists the pool and its servers; Lync services on them are stopped`,
  },
  {
    id: 'move-users', page: '9', on: null, after: ['build-c'], ref: REF.abc,
    title: (n) => `Move ${n.a}'s users to ${n.c}`,
    command: (n) => `Get-CsUser -Filter {RegistrarPool -eq "${n.a}"} | Move-CsUser -Target ${n.c} -Force`,
    check: (n) => `Get-CsUser -Filter {RegistrarPool -eq "${n.a}"} returns nothing`,
    notes: ['The outage for these users starts here and ends when the services of C are started (ERRATUM: the page says "until step 16").'],
  },
  {
    id: 'move-conference-directory', page: '10', on: null, after: ['build-c'], ref: REF.abc,
    title: (n) => `Move ${n.a}'s conference directories to ${n.c}`,
    command: (n) => `Move-CsConferenceDirectory -Identity ${ph(`conference directory id of ${n.a} (Get-CsConferenceDirectory)`)} -TargetPool ${n.c} -Force`,
    check: (n) => `Get-CsConferenceDirectory — no directory remains on ${n.a}`,
    notes: ['With -Force, PSTN dial-in conference IDs of existing meetings are lost (REFERENCE §e.10).'],
  },
  {
    id: 'move-caa', page: '11', on: null, after: ['build-c'], ref: REF.abc,
    title: (n) => `Move the Conferencing Auto Attendant contact to ${n.c}`,
    command: (n) => `Move-CsApplicationEndpoint -Identity ${ph(`SIP URI of ${n.a}'s Conferencing Auto Attendant contact`)} -TargetApplicationPool ${n.c} -Force`,
    check: null,
  },
  {
    id: 'copy-content', page: '12', on: null, after: ['build-c'], ref: REF.abc,
    title: (n) => `Copy conference content from ${n.b} to ${n.c}`,
    command: null,
    instructions: (n) => [`Copy the conference content folders from the file store of ${n.b} to the file store of ${n.c} (the page names no tool; e.g. Robocopy).`],
    check: (n) => `The conference content folders on ${n.c}'s file store match ${n.b}'s`,
  },
  {
    id: 'export-userdata', page: '13', on: 'b', after: [], ref: REF.abc,
    title: (n) => `Export user data from ${n.b}`,
    command: (n) => `Export-CsUserData -PoolFqdn ${n.b} -FileName ${ph('path of the user data zip, e.g. C:\\Logs\\ExportedUserData.zip')}`,
    check: () => 'The zip file exists and is not empty',
  },
  {
    id: 'import-userdata', page: '13', on: 'c', after: ['export-userdata', 'build-c'], ref: REF.abc,
    title: (n) => `Import user data into ${n.c}`,
    command: (n) => `Import-CsUserData -PoolFqdn ${n.c} -FileName ${ph('the zip exported in the previous step')}`,
    check: null,
    notes: ['Run it before the services of C start: changes imported while Front End services run are not applied (REFERENCE §e.10).'],
  },
  {
    id: 'call-park', page: '14', on: null, after: ['build-c'], ref: REF.abc,
    title: (n) => `Move ${n.a}'s Call Park orbits to ${n.c}`,
    command: (n) => `Set-CsCallParkOrbit -Identity ${ph(`Call Park orbit of ${n.a}`)} -CallParkService ${app(n.c)}`,
    instructions: (n) => [
      `Repeat for every orbit of ${n.a}.`,
      `Xcopy the custom music-on-hold file into ${n.c}'s …\\AppServerFiles\\CPS\\ folder.`,
      'Re-apply the Call Park settings with Set-CsCpsConfiguration (no reference page here: check its parameters on the server).',
    ],
    check: null,
  },
  {
    id: 'pchat-next-hop', page: '15', on: null, after: ['build-c'], ref: REF.abc,
    when: (t) => t.pools.some((p) => p.kind === 'PersistentChat'),
    title: (n) => `Persistent Chat next hop → ${n.c} (only if it was ${n.a})`,
    command: null,
    instructions: (n) => [`Topology Builder: Persistent Chat pool → Edit Properties → General → Next Hop Pool = ${n.c}; publish. Skip if its next hop is not ${n.a}.`],
    check: null,
  },
  {
    id: 'start-c', page: '15', on: 'c', after: ['move-users', 'move-conference-directory', 'move-caa', 'copy-content', 'import-userdata', 'call-park'], ref: REF.abc,
    title: (n) => `Start the services on every server of ${n.c}`,
    command: () => 'Start-CsWindowsService',
    check: (n) => `Get-CsWindowsService on each server of ${n.c} — all Running; users of ${n.a} sign in on ${n.c}`,
    notes: ['Run on each server of C. The page prints this under the conditional Persistent Chat step; it is mandatory (REFERENCE §e.7). The outage ends here.'],
  },
  {
    id: 'rgs-export-b', page: '16', on: 'b', after: ['rgs-import-b'], ref: REF.abc,
    title: (n) => `Export ${n.a}-owned Response Groups from ${n.b}`,
    command: (n) => `Export-CsRgsConfiguration -Source ${app(n.b)} -Owner ${app(n.a)} -FileName ${ph('new file name, e.g. C:\\RgsExportPrimaryUpdated.zip')}`,
    check: () => 'The zip file exists',
    notes: ['Export-CsRgsConfiguration fails if the file already exists: use a new name (cmdlets/Export-CsRgsConfiguration.md).'],
  },
  {
    id: 'rgs-import-c', page: '17', on: 'c', after: ['rgs-export-b', 'start-c'], ref: REF.abc,
    title: (n) => `Import the Response Groups into ${n.c}`,
    command: (n) => `Import-CsRgsConfiguration -Destination ${app(n.c)} -OverwriteOwner -FileName ${ph('the file exported in the previous step')}`,
    check: (n) => `Get-CsRgsWorkflow -Identity ${app(n.c)} -ShowAll lists the workflows (step 18)`,
    notes: [
      '-OverwriteOwner makes C the owner (needed for a new pool: lync-server-2013-planning-for-response-group-disaster-recovery.md); add -ReplaceExistingRgsSettings to carry application-level settings.',
      'ERRATUM: the page imports the step-4 file; import the file exported in step 16.',
    ],
  },
  {
    id: 'rgs-remove-b', page: '19', on: 'b', after: ['rgs-import-c'], ref: REF.abc,
    title: (n) => `Remove ${n.a}-owned Response Groups from ${n.b}`,
    command: (n) => `Export-CsRgsConfiguration -Source ${app(n.b)} -Owner ${app(n.a)} -FileName ${ph('another new file name, e.g. C:\\RgsExportPrimaryRemoved.zip')} -RemoveExportedConfiguration`,
    check: null,
    notes: ['ERRATUM: the page reuses the step-16 file name, which makes the cmdlet fail; use a new name.'],
  },
  {
    id: 'announcements-c', page: '20', on: 'c', after: ['start-c'], ref: REF.abc,
    title: (n) => `Recreate the announcements on ${n.c} and retarget the unassigned numbers`,
    command: null,
    instructions: (n) => [
      `Create the announcements with parent ${n.c}; Set-CsUnassignedNumber -Identity <range> -AnnouncementService ${n.c} -AnnouncementName <name> for each range.`,
      `Optionally remove the copies on ${n.b}.`,
    ],
    check: () => 'A test call to an unassigned number plays the announcement',
  },
  {
    id: 'remove-backup-data', page: '21', on: 'b', after: ['start-c'], ref: REF.abc,
    title: (n) => `Remove ${n.a}'s user data held by ${n.b}`,
    command: (n) => `Remove-CsUserStoreBackupData -PoolFqdn ${n.b} -Verbose`,
    check: null,
    notes: ['Here -PoolFqdn names the pool that holds the stale partner data (cmdlets/Remove-CsUserStoreBackupData.md).'],
  },
  {
    id: 'repair', page: '22', on: null, after: ['remove-backup-data'], ref: REF.abc,
    title: (n) => `Pair ${n.b} with ${n.c} and delete ${n.a} (Topology Builder)`,
    command: null,
    instructions: (n) => [
      `Topology Builder: right-click ${n.b} → Edit Properties → Resiliency → Associated Backup Pool: select ${n.c} (the box shows ${n.a} at first).`,
      'Tick "Automatic failover and failback for Voice", OK.',
      `Delete pool ${n.a}; publish the topology.`,
    ],
    check: (n) => `Get-CsPoolBackupRelationship -PoolFqdn ${n.b} names ${n.c}`,
  },
  {
    id: 'bootstrap-c', page: '23', on: 'c', after: ['repair'], ref: REF.abc,
    title: (n) => `Install the Backup Service on every server of ${n.c}`,
    command: () => '& "$env:SystemDrive\\Program Files\\Microsoft Lync Server 2013\\Deployment\\Bootstrapper.exe"',
    check: null,
    notes: ['ERRATUM: the page shows %SYSTEMROOT%\\Program Files\\…; the path is <system drive>\\Program Files\\Microsoft Lync Server 2013\\Deployment\\Bootstrapper.exe. Re-apply the installed Cumulative Update afterwards (REFERENCE §d.1).'],
  },
  {
    id: 'start-backup-c', page: '23', on: 'c', after: ['bootstrap-c'], ref: REF.abc,
    title: (n) => `Start the Backup Service on ${n.c}`,
    command: () => 'Start-CsWindowsService -Name LyncBackup',
    check: () => 'Get-CsWindowsService -Name LyncBackup — Running',
  },
  {
    id: 'stop-backup-b', page: '24', on: 'b', after: ['repair'], ref: REF.abc,
    title: (n) => `Stop the Backup Service on ${n.b}`,
    command: () => 'Stop-CsWindowsService -Name LyncBackup',
    check: null,
  },
  {
    id: 'start-backup-b', page: '24', on: 'b', after: ['stop-backup-b'], ref: REF.abc,
    title: (n) => `Start the Backup Service on ${n.b}`,
    command: () => 'Start-CsWindowsService -Name LyncBackup',
    check: () => 'Get-CsWindowsService -Name LyncBackup — Running',
  },
  {
    id: 'standby-cms', page: '25', on: 'c', after: ['repair'], ref: REF.abc,
    when: (_t, s, n) => s.cmsActive === n.b,
    title: (n) => `Standby CMS on ${n.c} (only if ${n.c} is a Standard Edition server)`,
    command: (n) => `Install-CsDatabase -CentralManagementDatabase -SqlServerFqdn ${n.c} -SqlInstanceName rtc`,
    check: null,
    notes: ['Only when C is a Standard Edition server and B holds the CMS; skip for an Enterprise Edition pool.'],
  },
  {
    id: 'sba', page: '27–29', on: null, after: ['start-c'], ref: REF.abc,
    when: (t) => t.sites.some((s) => s.kind === 'branch'),
    title: (n) => `Move each Survivable Branch Appliance of ${n.a} to ${n.c}`,
    command: null,
    instructions: (n) => [
      'For each SBA associated with A: Stop-CsWindowsService on the SBA.',
      'Export its user list: Get-CsUser -Filter {RegistrarPool -eq "<SBA>"} | Export-Csv <file>.',
      `Move its users to ${n.c} with Move-CsUser -Force; convert their data (Convert-CsUserData … -TargetVersion Lync2010; ERRATUM: the page writes -TargetVersionLync2010) and Update-CsUserData -FileName … -UserFilter <user>.`,
      `Topology Builder: associate the SBA with ${n.c}; publish.`,
      'Start the SBA (Start-CsWindowsService) and move its users back: Import-Csv <file> | Move-CsUser -Target <SBA> -Force (ERRATUM: the page says "step 30").',
    ],
    check: null,
    notes: ['UNCERTAIN: whether Update-CsUserData accepts the .xml produced by Convert-CsUserData (REFERENCE §e.7).'],
  },
];

export function abcStage(id: string): AbcStage | undefined {
  return ABC_STAGES.find((s) => s.id === id);
}
