import { findPool, userPools, type Topology } from '@lyncdr/topology';
import type { Document, Text } from '../model';
import type { RunbookOptions, RunbookSpec } from './spec';
import { ownerOf } from './common/deployment';
import { tbd } from '../text/index';
import { runbookLabels } from './common/labels';
import { pick } from './common/lang';
import { runbookDocument, type RunbookSection } from './common/procedure';

const CONFIGURING = 'lync-server-2013-configuring-and-monitoring-the-backup-service.md';
const PAIRING = 'lync-server-2013-deploying-paired-front-end-pools-for-disaster-recovery.md';
const SECURITY = 'lync-server-2013-front-end-pool-pairing-data-security.md';

/** The pairs this runbook covers: all pairs, or those with a pool named by --pool. */
function pairsFor(t: Topology, named: string[]): [string, string][] {
  const wanted = new Set(named.map((n) => n.toLowerCase()));
  return t.pairs.filter(([a, b]) => wanted.size === 0 || wanted.has(a.toLowerCase()) || wanted.has(b.toLowerCase()));
}

function applies(t: Topology, opts: RunbookOptions): string | null {
  if (t.pairs.length === 0) {
    return 'the Backup Service runs only between paired Front End pools and this deployment has no pool pair; pair the pools in Topology Builder (Resiliency > Associated Backup Pool) or declare them under `pairs:` in lyncdr.yaml';
  }
  if (opts.pools.length > 0 && pairsFor(t, opts.pools).length === 0) {
    return `${opts.pools.join(', ')} is not paired: the Backup Service runs only between paired Front End pools (pairs: ${t.pairs.map((p) => p.join(' <-> ')).join('; ')})`;
  }
  return null;
}

function build(t: Topology, opts: RunbookOptions): Document {
  const t_ = pick(opts.lang);
  const L = runbookLabels(opts.lang);
  const pairs = pairsFor(t, opts.pools);
  const machinesOf = (fqdn: string): string[] => findPool(t, fqdn)?.machines ?? [];
  const sections: RunbookSection[] = [
    {
      heading: t_('Backup Service settings (global)', 'Paramètres du service de sauvegarde (global)'),
      steps: [
        {
          title: t_('Read the Backup Service configuration', 'Afficher la configuration du service de sauvegarde'),
          commands: ['Get-CsBackupServiceConfiguration'],
          verify: t_(
            'SyncInterval is 00:02:00 (the default) unless it was changed on purpose and the change is recorded.',
            'SyncInterval vaut 00:02:00 (valeur par défaut), sauf modification volontaire et consignée.',
          ),
          on: userPools(t)[0]?.fqdn ?? null,
          minutes: 2,
          ref: CONFIGURING,
        },
        {
          title: t_('Only if absolutely necessary: set the sync interval', 'Uniquement si c’est indispensable : définir l’intervalle de synchronisation'),
          body: t_(
            'The interval is one global setting for every pool (allowed 00:00:05 to 03:00:00). It drives the Backup Service load and the recovery point objective: leave the default unless you must change it.',
            'L’intervalle est un paramètre global, commun à tous les pools (de 00:00:05 à 03:00:00). Il détermine la charge du service de sauvegarde et l’objectif de point de récupération : conservez la valeur par défaut sauf nécessité.',
          ),
          commands: ['Set-CsBackupServiceConfiguration -Identity global -SyncInterval 00:02:00'],
          verify: t_('Get-CsBackupServiceConfiguration shows the new SyncInterval.', 'Get-CsBackupServiceConfiguration affiche le nouveau SyncInterval.'),
          minutes: 2,
          ref: 'cmdlets/Set-CsBackupServiceConfiguration.md',
        },
        {
          title: t_('Optional: let another group read the Backup Service status', 'Facultatif : autoriser un autre groupe à lire l’état du service de sauvegarde'),
          body: t_(
            'By default only RTCUniversalServerAdmins may run Get-CsBackupServiceStatus. Replace the group name with yours.',
            'Par défaut, seul RTCUniversalServerAdmins peut exécuter Get-CsBackupServiceStatus. Remplacez le nom du groupe par le vôtre.',
          ),
          commands: ['Set-CsBackupServiceConfiguration -Identity global -AuthorizedUniversalGroups "CSAdministrator"'],
          verify: t_('Get-CsBackupServiceConfiguration lists the group in AuthorizedUniversalGroups.', 'Get-CsBackupServiceConfiguration affiche le groupe dans AuthorizedUniversalGroups.'),
          minutes: 2,
          ref: CONFIGURING,
        },
      ],
    },
  ];
  for (const [a, b] of pairs) {
    sections.push({
      heading: t_(`Pair ${a} ⇄ ${b}`, `Paire ${a} ⇄ ${b}`),
      steps: [
        {
          title: t_('Check the backup relationship of both pools', 'Vérifier la relation de sauvegarde des deux pools'),
          commands: [`Get-CsPoolBackupRelationship -PoolFqdn ${a}`, `Get-CsPoolBackupRelationship -PoolFqdn ${b}`],
          verify: t_(`Each pool names the other as its backup pool (${a} ⇄ ${b}).`, `Chaque pool désigne l’autre comme pool de sauvegarde (${a} ⇄ ${b}).`),
          minutes: 2,
          ref: CONFIGURING,
        },
        {
          title: t_('Only for pools paired after they were deployed: install the Backup Service', 'Uniquement pour des pools couplés après leur déploiement : installer le service de sauvegarde'),
          body: [
            t_('On every Front End server of both pools, run ', 'Sur chaque serveur frontal des deux pools, exécutez '),
            { text: '<system drive>\\Program Files\\Microsoft Lync Server 2013\\Deployment\\Bootstrapper.exe', style: 'code' },
            t_(', then start the Backup Service with the command below. Servers: ', ', puis démarrez le service de sauvegarde avec la commande ci-dessous. Serveurs : '),
            { text: [...machinesOf(a), ...machinesOf(b)].join(', ') || tbd(opts.lang), style: 'code' },
          ],
          commands: ['Start-CsWindowsService -Name LYNCBACKUP'],
          verify: t_('Get-CsWindowsService -Name LYNCBACKUP shows Running on every Front End server.', 'Get-CsWindowsService -Name LYNCBACKUP indique Running sur chaque serveur frontal.'),
          minutes: 15,
          ref: PAIRING,
        },
        {
          title: t_('Read the sync status in both directions', 'Lire l’état de synchronisation dans les deux sens'),
          body: t_(
            `The status is directional: ${a} → ${b} can differ from ${b} → ${a}, so query both pools.`,
            `L’état est unidirectionnel : ${a} → ${b} peut différer de ${b} → ${a} ; interrogez donc les deux pools.`,
          ),
          commands: [`Get-CsBackupServiceStatus -PoolFqdn ${a}`, `Get-CsBackupServiceStatus -PoolFqdn ${b}`],
          verify: statusCheck(opts.lang),
          minutes: 5,
          ref: CONFIGURING,
        },
        {
          title: t_('If a direction lags or is in error: force a sync, then read the status again', 'Si un sens est en retard ou en erreur : forcer une synchronisation, puis relire l’état'),
          commands: [`Invoke-CsBackupServiceSync -PoolFqdn ${a}`, `Invoke-CsBackupServiceSync -PoolFqdn ${b}`, `Get-CsBackupServiceStatus -PoolFqdn ${a}`, `Get-CsBackupServiceStatus -PoolFqdn ${b}`],
          verify: t_('Both directions reach steady state (same criteria as the previous step).', 'Les deux sens atteignent l’état stable (mêmes critères qu’à l’étape précédente).'),
          minutes: 10,
          ref: PAIRING,
        },
      ],
    });
  }
  const cms = t.cms;
  return runbookDocument(
    {
      id: 'backup-service',
      title: t_('Configure and monitor the Backup Service', 'Configurer et surveiller le service de sauvegarde'),
      subtitle: t_('Lync Server 2013 paired Front End pools', 'Pools frontaux couplés Lync Server 2013'),
      purpose: [
        t_(
          'The Backup Service continuously copies user data and conference content between paired Front End pools (and the Central Management store to the standby pool when the pool that hosts it is paired). This runbook reads and sets its configuration and checks that both directions of every pair are in a steady state.',
          'Le service de sauvegarde copie en continu les données utilisateur et le contenu des conférences entre les pools frontaux couplés (ainsi que le magasin central de gestion vers le pool de secours lorsque le pool qui l’héberge est couplé). Ce runbook affiche et modifie sa configuration, et vérifie que les deux sens de chaque paire sont dans un état stable.',
        ),
        t_(
          'It does not replace backups: LIS data, Response Group configuration, Call Park and announcement files, Archiving, Monitoring and Persistent Chat databases are not replicated (see the backup runbook).',
          'Il ne remplace pas les sauvegardes : les données LIS, la configuration Response Group, les fichiers du parcage d’appel et des annonces, les bases d’archivage, de surveillance et de conversation permanente ne sont pas répliqués (voir le runbook de sauvegarde).',
        ),
      ],
      facts: [
        [L.facts.deployment, t.deployment ?? tbd(opts.lang)],
        [t_('Pool pairs', 'Paires de pools'), pairs.map(([a, b]) => `${a} ⇄ ${b}`).join('; ')],
        [L.facts.cms, cms ? `${cms.pool}${cms.standbyPool ? t_(` (standby: ${cms.standbyPool})`, ` (secours : ${cms.standbyPool})`) : ''}` : tbd(opts.lang)],
        [L.facts.owner, ownerOf(t, pairs.flat()) ?? { text: tbd(opts.lang), style: 'blank' }],
      ],
      preconditions: [
        t_('You are a member of RTCUniversalServerAdmins (the only group allowed to run Get-CsBackupServiceStatus by default).', 'Vous êtes membre de RTCUniversalServerAdmins (seul groupe autorisé par défaut à exécuter Get-CsBackupServiceStatus).'),
        t_('The Lync Server Management Shell is open on a server of the deployment.', 'Lync Server Management Shell est ouvert sur un serveur du déploiement.'),
        t_('The pools are paired in Topology Builder (Edit Properties > Resiliency > Associated Backup Pool) and the topology is published.', 'Les pools sont couplés dans le Générateur de topologie (Modifier les propriétés > Résilience > Pool de sauvegarde associé) et la topologie est publiée.'),
        t_('SMB (TCP 445) is open from every Front End server of each pool to the file store of its partner; the traffic is not encrypted, so protect the link between data centers (IPsec).', 'SMB (TCP 445) est ouvert depuis chaque serveur frontal de chaque pool vers le magasin de fichiers du pool partenaire ; ce trafic n’est pas chiffré : protégez la liaison entre centres de données (IPsec).'),
      ],
      sections,
      notes: [
        statusNote(opts.lang),
        t_(
          'Get-CsBackupServiceStatus takes no -BackupModule parameter in the cmdlet reference: read the module you need (e.g. ConfServices.DataConf) from the BackupModules list of its output.',
          'Get-CsBackupServiceStatus n’a pas de paramètre -BackupModule dans la référence de l’applet de commande : lisez le module voulu (par exemple ConfServices.DataConf) dans la liste BackupModules du résultat.',
        ),
        t_(
          'Pool failover and failback are never automatic; the "Automatic failover and failback for Voice" option only drives voice resiliency.',
          'Le basculement et la restauration automatique d’un pool ne sont jamais déclenchés automatiquement ; l’option « Basculement et restauration automatique pour la voix » ne concerne que la résilience de la voix.',
        ),
      ],
      errata: [
        t_(
          'The configuring page writes Invoke-CsBackupServiceSync -BackupModule {All|PresenceFocus|DataConf|CMSMaster}; the cmdlet reference lists only the dotted names (UserServices.PresenceFocus, ConfServices.DataConf, CentralMgmt.CMSMaster) and no "All". This runbook omits -BackupModule, which synchronizes every module.',
          'La page de configuration écrit Invoke-CsBackupServiceSync -BackupModule {All|PresenceFocus|DataConf|CMSMaster} ; la référence de l’applet de commande ne donne que les noms pointés (UserServices.PresenceFocus, ConfServices.DataConf, CentralMgmt.CMSMaster) et pas « All ». Ce runbook omet -BackupModule, ce qui synchronise tous les modules.',
        ),
      ],
      rollback: [
        t_('A changed sync interval or group is reverted by running Set-CsBackupServiceConfiguration again with the previous value (recorded in step 1).', 'Un intervalle ou un groupe modifié se rétablit en exécutant de nouveau Set-CsBackupServiceConfiguration avec la valeur précédente (relevée à l’étape 1).'),
        t_('Reading the status and forcing a sync change nothing that needs rolling back.', 'La lecture de l’état et la synchronisation forcée ne modifient rien qui nécessite un retour arrière.'),
      ],
      refs: [CONFIGURING, PAIRING, SECURITY, 'cmdlets/Get-CsBackupServiceConfiguration.md', 'cmdlets/Set-CsBackupServiceConfiguration.md', 'cmdlets/Get-CsBackupServiceStatus.md', 'cmdlets/Invoke-CsBackupServiceSync.md', 'cmdlets/Get-CsPoolBackupRelationship.md'],
    },
    t.deployment,
    opts,
  );
}

function statusCheck(lang: 'en' | 'fr'): Text {
  return lang === 'fr'
    ? 'Pour chaque module de BackupModules, dans les deux résultats : ExportStatus vaut SteadyState ou FinalState (NotInitialized est normal pour CentralMgmt.CMSMaster sur un pool qui n’héberge pas le magasin central de gestion actif) et ImportStatus vaut NormalState.'
    : 'For every module in BackupModules, in both outputs: ExportStatus is SteadyState or FinalState (NotInitialized is normal for CentralMgmt.CMSMaster on a pool that is not the active Central Management store) and ImportStatus is NormalState.';
}

function statusNote(lang: 'en' | 'fr'): Text {
  return lang === 'fr'
    ? 'L’état « stable » signifie que toutes les modifications de P1 sont répliquées vers P2 dans l’intervalle de synchronisation ; l’état « final » qu’il ne reste rien à synchroniser. Ce sont des instantanés : relisez l’état juste avant un basculement planifié. Les noms de valeurs (SteadyState, FinalState, NormalState…) proviennent du blog technique Microsoft, pas des pages de référence.'
    : 'Steady state means every change made in P1 is replicated to P2 within the sync interval; final state means nothing is left to synchronize. Both are snapshots: read the status again just before a planned failover. The value names (SteadyState, FinalState, NormalState…) come from Microsoft’s TechNet blog, not the reference pages.';
}

/** Configure and monitor the Backup Service (REFERENCE §d; lync-server-2013-configuring-and-monitoring-the-backup-service.md). */
export const backupServiceRunbook: RunbookSpec = {
  id: 'backup-service',
  title: { en: 'Configure and monitor the Backup Service', fr: 'Configurer et surveiller le service de sauvegarde' },
  refs: [CONFIGURING, PAIRING, SECURITY],
  applies,
  build,
};
