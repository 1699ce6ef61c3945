import { fileStoreOf, findPool, sqlArgs, sqlName, storesOf, type Topology } from '@lyncdr/topology';
import type { Document } from '../../model';
import type { RunbookOptions, RunbookSpec } from '../spec';
import { inBackup, ownerOf, responseGroupPools } from '../common/deployment';
import { tbd } from '../../text/index';
import { runbookLabels } from '../common/labels';
import { pick } from '../common/lang';
import { runbookDocument, type RunbookStep } from '../common/procedure';
import { deploymentWizardStep, importRgsStep, importUserDataStep, newServerStep, OVERVIEW, PREPARING, restoreFileStoreSteps, restorePreconditions, restoreRollback, setBackupStep } from './common';

const REF = 'lync-server-2013-restoring-the-server-hosting-the-central-management-store.md';

function applies(t: Topology, opts: RunbookOptions): string | null {
  if (!t.cms) return 'the topology does not say where the Central Management store is (no CentralMgmt service found)';
  const named = opts.pools.map((p) => p.toLowerCase());
  if (named.length > 0 && !named.includes(t.cms.pool.toLowerCase())) return `the Central Management store is on ${t.cms.pool}, not on ${opts.pools.join(', ')}`;
  return null;
}

function build(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const L = runbookLabels(opts.lang);
  const lang = opts.lang;
  const cms = t.cms!;
  const pool = findPool(t, cms.pool) ?? null;
  const se = pool?.kind === 'StandardEdition';
  const sql = { server: cms.sqlServer, instance: cms.instance };
  const store = storesOf(t, 'CentralManagement').find((s) => s.server === cms.sqlServer) ?? null;
  const mirror = store?.mirror ?? null;
  const frontEnd = pool?.machines[0] ?? cms.pool;
  const fs = se ? fileStoreOf(t, cms.pool) : null;
  const rgs = responseGroupPools(t).some((p) => p.fqdn === cms.pool);
  const onBackEnd = (kind: 'Archiving' | 'Monitoring') => storesOf(t, kind).some((s) => s.server === cms.sqlServer);
  const steps: RunbookStep[] = [
    {
      title: tr('Confirm which server hosts the Central Management store', 'Confirmer le serveur qui héberge le magasin central de gestion'),
      commands: ['Get-CsService -CentralManagement'],
      verify: tr(`The CentralManagement service is on ${cms.pool}, with its database on ${sqlName(sql)}.`, `Le service CentralManagement est sur ${cms.pool}, avec sa base sur ${sqlName(sql)}.`),
      on: null,
      minutes: 2,
      ref: REF,
    },
    setBackupStep(t, lang, frontEnd),
  ];
  if (mirror) {
    steps.push({
      title: tr('If the mirror still works: back it up and restore both databases from that backup', 'Si le miroir fonctionne encore : le sauvegarder et restaurer les deux bases depuis cette sauvegarde'),
      body: tr(
        `The store is mirrored on ${sqlName(mirror)}. The topology can be published only while the primary Central Management database works, and the primary and mirror roles cannot be swapped without publishing: back up the mirror and perform a full restore of both the primary and the mirror from that backup.`,
        `Le magasin est mis en miroir sur ${sqlName(mirror)}. La topologie ne peut être publiée que si la base principale du magasin central fonctionne, et les rôles principal et miroir ne peuvent être inversés sans publication : sauvegardez le miroir et restaurez intégralement le principal et le miroir depuis cette sauvegarde.`,
      ),
      verify: tr('Both databases are restored from the same backup.', 'Les deux bases sont restaurées depuis la même sauvegarde.'),
      on: mirror.server,
      minutes: 60,
      ref: REF,
    });
  }
  steps.push(newServerStep(lang, [cms.sqlServer], REF, !se));
  if (fs) steps.push(...restoreFileStoreSteps(lang, t, fs, REF));
  if (se) {
    steps.push({
      title: tr('Deployment Wizard: Prepare first Standard Edition server', 'Assistant Déploiement : Préparer le premier serveur Standard Edition'),
      verify: tr('The wizard ends with Complete.', 'L’Assistant se termine par Terminé.'),
      on: cms.pool,
      minutes: 30,
      ref: REF,
    });
  }
  steps.push(
    {
      title: tr('Create a clean Central Management database', 'Créer une base du magasin central de gestion vierge'),
      body: tr('From the Lync Server Management Shell on a Front End server:', 'Depuis Lync Server Management Shell sur un serveur frontal :'),
      commands: [`Install-CsDatabase -CentralManagementDatabase -Clean ${sqlArgs(sql)} -Verbose`],
      verify: tr('The command ends without error and creates xds and lis.', 'La commande se termine sans erreur et crée xds et lis.'),
      on: frontEnd,
      minutes: 10,
      ref: REF,
    },
    {
      title: tr('Point the configuration store location at it', 'Y faire pointer l’emplacement du magasin de configuration'),
      body: tr('Run it again later if the service connection point in Active Directory is lost.', 'Exécutez-la de nouveau si le point de connexion de service dans Active Directory est perdu.'),
      commands: [`Set-CsConfigurationStoreLocation ${sqlArgs(sql)}${mirror ? ` -MirrorSqlServerFqdn ${mirror.server}${mirror.instance ? ` -MirrorSqlInstanceName ${mirror.instance}` : ''}` : ''} -Verbose`],
      verify: tr(`Get-CsConfigurationStoreLocation shows ${sqlName(sql)}.`, `Get-CsConfigurationStoreLocation affiche ${sqlName(sql)}.`),
      on: frontEnd,
      minutes: 5,
      ref: REF,
    },
    {
      title: tr('Import the Central Management store backup', 'Importer la sauvegarde du magasin central de gestion'),
      commands: [`Import-CsConfiguration -FileName "${inBackup(t, 'configuration')}"`],
      verify: tr('Get-CsTopology returns the topology.', 'Get-CsTopology renvoie la topologie.'),
      on: frontEnd,
      minutes: 10,
      ref: REF,
    },
    {
      title: tr('Enable the topology', 'Activer la topologie'),
      commands: ['Enable-CsTopology'],
      verify: tr('The command ends without error.', 'La commande se termine sans erreur.'),
      on: frontEnd,
      minutes: 5,
      ref: REF,
    },
  );
  if (se) {
    steps.push(deploymentWizardStep(lang, [cms.pool], REF));
  } else {
    steps.push({
      title: tr('Re-create the other databases of this Back End (and its mirror)', 'Recréer les autres bases de ce serveur principal (et son miroir)'),
      body: tr(
        'Topology Builder > download the topology > right-click Lync Server 2013 > Install Database; on Create databases select the stand-alone databases (collocated ones are created by the Deployment Wizard); for a mirrored Back End continue to Create Mirror Database.',
        'Générateur de topologie > télécharger la topologie > clic droit sur Lync Server 2013 > Installer la base de données ; sur Créer des bases de données, sélectionnez les bases autonomes (les bases colocalisées sont créées par l’Assistant Déploiement) ; pour un serveur principal en miroir, poursuivez jusqu’à Créer une base de données miroir.',
      ),
      verify: tr('The wizard ends without error.', 'L’Assistant se termine sans erreur.'),
      on: frontEnd,
      minutes: 30,
      ref: REF,
    });
  }
  if (pool) steps.push(importUserDataStep(t, lang, pool, REF));
  steps.push({
    title: tr('Import the Location Information service (E9-1-1) data', 'Importer les données du service d’informations d’emplacement (E9-1-1)'),
    commands: [`Import-CsLisConfiguration -FileName "${inBackup(t, 'lis')}"`],
    verify: tr('The import ends without error.', 'L’import se termine sans erreur.'),
    on: frontEnd,
    minutes: 5,
    ref: REF,
  });
  if (rgs) steps.push(importRgsStep(t, lang, cms.pool));
  if (onBackEnd('Archiving') || onBackEnd('Monitoring')) {
    steps.push({
      title: tr('Restore the Archiving and Monitoring data on this server', 'Restaurer les données d’archivage et de surveillance de ce serveur'),
      body: tr('Follow the restore-monitoring-archiving runbook.', 'Suivez le runbook restore-monitoring-archiving.'),
      verify: tr('Reports show the restored history.', 'Les rapports affichent l’historique restauré.'),
      minutes: 60,
      ref: REF,
    });
  }
  return runbookDocument(
    {
      id: 'restore-cms',
      title: tr('Restore the server hosting the Central Management store', 'Restauration du serveur hébergeant le magasin central de gestion'),
      subtitle: `${cms.pool} — ${sqlName(sql)}`,
      purpose: [
        tr(
          'Rebuilds the Standard Edition server or Enterprise Edition Back End that hosts the Central Management store, re-creates an empty store, imports the configuration backup, enables the topology, then restores user data, LIS data and Response Group settings.',
          'Reconstruit le serveur Standard Edition ou le serveur principal Enterprise Edition qui héberge le magasin central de gestion, recrée un magasin vide, importe la sauvegarde de configuration, active la topologie, puis restaure les données utilisateur, les données LIS et les paramètres Response Group.',
        ),
      ],
      facts: [
        [L.facts.deployment, t.deployment ?? tbd(lang)],
        [L.facts.cms, `${cms.pool} (${sqlName(sql)})`],
        [tr('Mirror', 'Miroir'), mirror ? sqlName(mirror) : tr('none', 'aucun')],
        [L.facts.owner, ownerOf(t, [cms.pool]) ?? { text: tbd(lang), style: 'blank' }],
      ],
      preconditions: restorePreconditions(lang, { sql: !se }),
      sections: [{ steps }],
      notes: [
        tr(
          'If the pool that hosts the store is paired and the store is only unavailable, a Central Management store failover to the standby pool may be faster than a restore (see the pool-failover runbook).',
          'Si le pool qui héberge le magasin est couplé et que le magasin est seulement indisponible, un basculement du magasin central de gestion vers le pool de secours peut être plus rapide qu’une restauration (voir le runbook pool-failover).',
        ),
        tr(
          'Set-CsConfigurationStoreLocation takes -MirrorSqlServerFqdn and -MirrorSqlInstanceName in Lync Server 2013 as well (cmdlet reference).',
          'Set-CsConfigurationStoreLocation accepte -MirrorSqlServerFqdn et -MirrorSqlInstanceName aussi dans Lync Server 2013 (référence de l’applet de commande).',
        ),
      ],
      rollback: restoreRollback(lang),
      refs: [REF, PREPARING, OVERVIEW, 'cmdlets/Install-CsDatabase.md', 'cmdlets/Set-CsConfigurationStoreLocation.md', 'cmdlets/Import-CsConfiguration.md', 'lync-server-2013-restoring-response-group-settings.md'],
    },
    t.deployment,
    opts,
  );
}

/** Restore the server hosting the Central Management store (REFERENCE §c.2). */
export const restoreCmsRunbook: RunbookSpec = {
  id: 'restore-cms',
  title: { en: 'Restore the server hosting the Central Management store', fr: 'Restauration du serveur hébergeant le magasin central de gestion' },
  refs: [REF, PREPARING],
  applies,
  build,
};
