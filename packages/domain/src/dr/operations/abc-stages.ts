/**
 * The steps of the ABC Front End pool failover (pool A lost for good, rebuilt as pool C with a new FQDN, then paired
 * with B), as data: lync-server-2013-front-end-pool-abc-failover-procedure.md, read with the ERRATA of REFERENCE §e.7.
 * Steps 2 (CMS failover), 7 (pool failover) and 26 (Backup Service sync) are the generic operations.
 * `after` lists the stages that must be done first; rule 8 of REFERENCE §0: C's services stay stopped until users,
 * conference directory, CAA endpoint, conference content, user data and Call Park are moved.
 */
import type { Topology } from '@lyncdr/topology';
import { backupFileName } from '../../inventory/backup-files';
import { REF } from '../refs';
import { bootstrapperPath, hasPersistentChat, hasStartPool, productAt, VERSION_REF } from '../versions';
import { txt, type PlanText } from '../text';
import type { DrState } from '../types';

export interface AbcNames { a: string; b: string; c: string }

export interface AbcStage {
  id: string;
  /** Step number on the procedure page. */
  page: string;
  title: (n: AbcNames) => PlanText;
  /** The command line; `ph` writes a blank a person fills in (text.ts) and records what it stands for. */
  command: ((n: AbcNames, ph: (what: PlanText) => string, t: Topology) => string) | null;
  instructions?: (n: AbcNames) => PlanText[];
  check: ((n: AbcNames) => PlanText) | null;
  /** Where to run it: the partner B, the new pool C, or anywhere. */
  on: 'b' | 'c' | null;
  after: string[];
  /** Only when this holds for the deployment (e.g. Persistent Chat present, CMS on B). */
  when?: (t: Topology, state: DrState, n: AbcNames) => boolean;
  /** Notes printed with the step; a function when they depend on the version (of the lost pool A, which C replaces). */
  notes?: PlanText[] | ((t: Topology, n: AbcNames) => PlanText[]);
  ref: string;
}

const app = (pool: string): string => `"service:ApplicationServer:${pool}"`;

export const ABC_STAGES: AbcStage[] = [
  {
    id: 'locate-cms', page: '1', on: null, after: [], ref: REF.abc,
    title: () => txt('abc.locateCms.title'),
    command: (_n) => 'Get-CsService -CentralManagement',
    check: (n) => txt('abc.locateCms.check', { a: n.a, b: n.b }),
  },
  {
    id: 'lis-import', page: '3', on: null, after: [], ref: REF.abc,
    when: (_t, s, n) => s.cmsActive === n.a,
    title: () => txt('abc.lisImport.title'),
    command: (_n, ph, t) => `Import-CsLisConfiguration -FileName ${ph(txt('abc.lisImport.blank0', { file: backupFileName(t, 'lis') }))}`,
    check: null,
    notes: [txt('abc.lisImport.note0')],
  },
  {
    id: 'lis-publish', page: '3', on: null, after: ['lis-import'], ref: REF.abc,
    when: (_t, s, n) => s.cmsActive === n.a,
    title: () => txt('abc.lisPublish.title'),
    command: (_n) => 'Publish-CsLisConfiguration',
    check: null,
  },
  {
    id: 'rgs-import-b', page: '4', on: 'b', after: [], ref: REF.abc,
    title: (n) => txt('abc.rgsImportB.title', { a: n.a, b: n.b }),
    command: (n, ph, t) => `Import-CsRgsConfiguration -Destination ${app(n.b)} -FileName ${ph(txt('abc.rgsImportB.blank0', { a: n.a, file: backupFileName(t, 'rgs', n.a) }))}`,
    check: (n) => txt('abc.rgsImportB.check', { a: n.a, b: n.b }),
    notes: [
      txt('abc.rgsImportB.note0'),
      txt('abc.rgsImportB.note1'),
    ],
  },
  {
    id: 'announcements-b', page: '6', on: 'b', after: [], ref: REF.announcements,
    title: (n) => txt('abc.announcementsB.title', { a: n.a, b: n.b }),
    command: null,
    instructions: (n) => [
      txt('abc.announcementsB.i0', { b: n.b }),
      txt('abc.announcementsB.i1', { b: n.b }),
    ],
    check: () => txt('abc.announcementsB.check'),
  },
  {
    id: 'build-c', page: '8', on: 'c', after: [], ref: REF.abc,
    title: (n) => txt('abc.buildC.title', { c: n.c }),
    command: null,
    instructions: (n) => [
      txt('abc.buildC.i0', { c: n.c }),
      txt('abc.buildC.i1'),
    ],
    check: (n) => txt('abc.buildC.check', { c: n.c }),
  },
  {
    id: 'move-users', page: '9', on: null, after: ['build-c'], ref: REF.abc,
    title: (n) => txt('abc.moveUsers.title', { a: n.a, c: n.c }),
    command: (n) => `Get-CsUser -Filter {RegistrarPool -eq "${n.a}"} | Move-CsUser -Target ${n.c} -Force`,
    check: (n) => txt('abc.moveUsers.check', { a: n.a }),
    notes: [txt('abc.moveUsers.note0')],
  },
  {
    id: 'move-conference-directory', page: '10', on: null, after: ['build-c'], ref: REF.abc,
    title: (n) => txt('abc.moveConferenceDirectory.title', { a: n.a, c: n.c }),
    command: (n, ph) => `Move-CsConferenceDirectory -Identity ${ph(txt('abc.moveConferenceDirectory.blank0', { a: n.a }))} -TargetPool ${n.c} -Force`,
    check: (n) => txt('abc.moveConferenceDirectory.check', { a: n.a }),
    notes: [txt('abc.moveConferenceDirectory.note0')],
  },
  {
    id: 'move-caa', page: '11', on: null, after: ['build-c'], ref: REF.abc,
    title: (n) => txt('abc.moveCaa.title', { c: n.c }),
    command: (n, ph) => `Move-CsApplicationEndpoint -Identity ${ph(txt('abc.moveCaa.blank0', { a: n.a }))} -TargetApplicationPool ${n.c} -Force`,
    check: null,
  },
  {
    id: 'copy-content', page: '12', on: null, after: ['build-c'], ref: REF.abc,
    title: (n) => txt('abc.copyContent.title', { b: n.b, c: n.c }),
    command: null,
    instructions: (n) => [txt('abc.copyContent.i0', { b: n.b, c: n.c })],
    check: (n) => txt('abc.copyContent.check', { b: n.b, c: n.c }),
  },
  {
    id: 'export-userdata', page: '13', on: 'b', after: [], ref: REF.abc,
    title: (n) => txt('abc.exportUserdata.title', { b: n.b }),
    command: (n, ph) => `Export-CsUserData -PoolFqdn ${n.b} -FileName ${ph(txt('abc.exportUserdata.blank0'))}`,
    check: () => txt('abc.exportUserdata.check'),
  },
  {
    id: 'import-userdata', page: '13', on: 'c', after: ['export-userdata', 'build-c'], ref: REF.abc,
    title: (n) => txt('abc.importUserdata.title', { c: n.c }),
    command: (n, ph) => `Import-CsUserData -PoolFqdn ${n.c} -FileName ${ph(txt('abc.importUserdata.blank0'))}`,
    check: null,
    notes: [txt('abc.importUserdata.note0')],
  },
  {
    id: 'call-park', page: '14', on: null, after: ['build-c'], ref: REF.abc,
    title: (n) => txt('abc.callPark.title', { a: n.a, c: n.c }),
    command: (n, ph) => `Set-CsCallParkOrbit -Identity ${ph(txt('abc.callPark.blank0', { a: n.a }))} -CallParkService ${app(n.c)}`,
    instructions: (n) => [
      txt('abc.callPark.i0', { a: n.a }),
      txt('abc.callPark.i1', { c: n.c }),
      txt('abc.callPark.i2'),
    ],
    check: null,
  },
  {
    id: 'pchat-next-hop', page: '15', on: null, after: ['build-c'], ref: REF.abc,
    when: (t) => t.pools.some((p) => p.kind === 'PersistentChat' && hasPersistentChat(t, p.fqdn)),
    title: (n) => txt('abc.pchatNextHop.title', { a: n.a, c: n.c }),
    command: null,
    instructions: (n) => [txt('abc.pchatNextHop.i0', { a: n.a, c: n.c })],
    check: null,
  },
  {
    id: 'start-c', page: '15', on: 'c', after: ['move-users', 'move-conference-directory', 'move-caa', 'copy-content', 'import-userdata', 'call-park'], ref: REF.abc,
    title: (n) => txt('abc.startC.title', { c: n.c }),
    // SfB 2015+: a pool is started with Start-CsPool (cmdlets/Start-CsPool.md, docs-sfb), Lync 2013: on each server.
    command: (n, _ph, t) => (hasStartPool(t, n.a) ? `Start-CsPool -PoolFqdn ${n.c}` : 'Start-CsWindowsService'),
    check: (n) => txt('abc.startC.check', { a: n.a, c: n.c }),
    notes: (t, n) => (hasStartPool(t, n.a) ? [txt('abc.startC.notePool', { c: n.c }), txt('startPool.note.quorum', { ref: VERSION_REF.startPool })] : [txt('abc.startC.note0')]),
  },
  {
    id: 'rgs-export-b', page: '16', on: 'b', after: ['rgs-import-b'], ref: REF.abc,
    title: (n) => txt('abc.rgsExportB.title', { a: n.a, b: n.b }),
    command: (n, ph) => `Export-CsRgsConfiguration -Source ${app(n.b)} -Owner ${app(n.a)} -FileName ${ph(txt('abc.rgsExportB.blank0'))}`,
    check: () => txt('abc.rgsExportB.check'),
    notes: [txt('abc.rgsExportB.note0')],
  },
  {
    id: 'rgs-import-c', page: '17', on: 'c', after: ['rgs-export-b', 'start-c'], ref: REF.abc,
    title: (n) => txt('abc.rgsImportC.title', { c: n.c }),
    command: (n, ph) => `Import-CsRgsConfiguration -Destination ${app(n.c)} -OverwriteOwner -FileName ${ph(txt('abc.rgsImportC.blank0'))}`,
    check: (n) => txt('abc.rgsImportC.check', { c: n.c }),
    notes: [
      txt('abc.rgsImportC.note0'),
      txt('abc.rgsImportC.note1'),
    ],
  },
  {
    id: 'rgs-remove-b', page: '19', on: 'b', after: ['rgs-import-c'], ref: REF.abc,
    title: (n) => txt('abc.rgsRemoveB.title', { a: n.a, b: n.b }),
    command: (n, ph) => `Export-CsRgsConfiguration -Source ${app(n.b)} -Owner ${app(n.a)} -FileName ${ph(txt('abc.rgsRemoveB.blank0'))} -RemoveExportedConfiguration`,
    check: null,
    notes: [txt('abc.rgsRemoveB.note0')],
  },
  {
    id: 'announcements-c', page: '20', on: 'c', after: ['start-c'], ref: REF.abc,
    title: (n) => txt('abc.announcementsC.title', { c: n.c }),
    command: null,
    instructions: (n) => [
      txt('abc.announcementsC.i0', { c: n.c }),
      txt('abc.announcementsC.i1', { b: n.b }),
    ],
    check: () => txt('abc.announcementsC.check'),
  },
  {
    id: 'remove-backup-data', page: '21', on: 'b', after: ['start-c'], ref: REF.abc,
    title: (n) => txt('abc.removeBackupData.title', { a: n.a, b: n.b }),
    command: (n) => `Remove-CsUserStoreBackupData -PoolFqdn ${n.b} -Verbose`,
    check: null,
    notes: [txt('abc.removeBackupData.note0')],
  },
  {
    id: 'repair', page: '22', on: null, after: ['remove-backup-data'], ref: REF.abc,
    title: (n) => txt('abc.repair.title', { a: n.a, b: n.b, c: n.c }),
    command: null,
    instructions: (n) => [
      txt('abc.repair.i0', { a: n.a, b: n.b, c: n.c }),
      txt('abc.repair.i1'),
      txt('abc.repair.i2', { a: n.a }),
    ],
    check: (n) => txt('abc.repair.check', { b: n.b, c: n.c }),
  },
  {
    id: 'bootstrap-c', page: '23', on: 'c', after: ['repair'], ref: REF.abc,
    title: (n) => txt('abc.bootstrapC.title', { c: n.c }),
    command: (n, _ph, t) => `& "${bootstrapperPath(productAt(t, n.a))}"`,
    check: null,
    notes: (t, n) => {
      const v = productAt(t, n.a);
      if (v === 'sfb2015') return [txt('abc.bootstrapC.note2015', { ref: VERSION_REF.pairing2015 })];
      if (v === 'sfb2019') return [txt('abc.bootstrapC.note2019', { ref: VERSION_REF.lab2019 })];
      return [txt('abc.bootstrapC.note0')];
    },
  },
  {
    id: 'start-backup-c', page: '23', on: 'c', after: ['bootstrap-c'], ref: REF.abc,
    title: (n) => txt('abc.startBackupC.title', { c: n.c }),
    command: (_n) => 'Start-CsWindowsService -Name LyncBackup',
    check: () => txt('abc.startBackupC.check'),
  },
  {
    id: 'stop-backup-b', page: '24', on: 'b', after: ['repair'], ref: REF.abc,
    title: (n) => txt('abc.stopBackupB.title', { b: n.b }),
    command: (_n) => 'Stop-CsWindowsService -Name LyncBackup',
    check: null,
  },
  {
    id: 'start-backup-b', page: '24', on: 'b', after: ['stop-backup-b'], ref: REF.abc,
    title: (n) => txt('abc.startBackupB.title', { b: n.b }),
    command: (_n) => 'Start-CsWindowsService -Name LyncBackup',
    check: () => txt('abc.startBackupB.check'),
  },
  {
    id: 'standby-cms', page: '25', on: 'c', after: ['repair'], ref: REF.abc,
    when: (_t, s, n) => s.cmsActive === n.b,
    title: (n) => txt('abc.standbyCms.title', { c: n.c }),
    command: (n) => `Install-CsDatabase -CentralManagementDatabase -SqlServerFqdn ${n.c} -SqlInstanceName rtc`,
    check: null,
    notes: [txt('abc.standbyCms.note0')],
  },
  {
    id: 'sba', page: '27–29', on: null, after: ['start-c'], ref: REF.abc,
    when: (t) => t.sites.some((s) => s.kind === 'branch'),
    title: (n) => txt('abc.sba.title', { a: n.a, c: n.c }),
    command: null,
    instructions: (n) => [
      txt('abc.sba.i0'),
      txt('abc.sba.i1'),
      txt('abc.sba.i2', { c: n.c }),
      txt('abc.sba.i3', { c: n.c }),
      txt('abc.sba.i4'),
    ],
    check: null,
    notes: [txt('abc.sba.note0')],
  },
];

export function abcStage(id: string): AbcStage | undefined {
  return ABC_STAGES.find((s) => s.id === id);
}
