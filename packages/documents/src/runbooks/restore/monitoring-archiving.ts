import { sqlArgs, sqlName, storesOf, type SqlStore, type Topology } from '@lyncdr/topology';
import type { Document } from '../../model';
import type { RunbookOptions, RunbookSpec } from '../spec';
import { ownerOf } from '../common/deployment';
import { tbd } from '../../text/index';
import { runbookLabels } from '../common/labels';
import { pick } from '../common/lang';
import { runbookDocument, type RunbookSection } from '../common/procedure';
import { PREPARING } from './common';

const REF = 'lync-server-2013-restoring-monitoring-or-archiving-data.md';

function storesFor(t: Topology, named: string[]): SqlStore[] {
  const wanted = new Set(named.map((n) => n.toLowerCase()));
  return [...storesOf(t, 'Archiving'), ...storesOf(t, 'Monitoring')].filter((s) => wanted.size === 0 || s.pools.some((p) => wanted.has(p.toLowerCase())) || wanted.has(s.server.toLowerCase()));
}

function applies(t: Topology, opts: RunbookOptions): string | null {
  if (storesOf(t, 'Archiving').length + storesOf(t, 'Monitoring').length === 0) return 'this deployment has no Archiving or Monitoring SQL store';
  if (storesFor(t, opts.pools).length === 0) return `no Archiving or Monitoring store is used by ${opts.pools.join(', ')}`;
  return null;
}

function build(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const L = runbookLabels(opts.lang);
  const lang = opts.lang;
  const stores = storesFor(t, opts.pools);
  const sections: RunbookSection[] = stores.map((s) => ({
    heading: `${s.kind} — ${sqlName(s)}`,
    steps: [
      {
        title: tr('Make sure the empty databases exist', 'S’assurer que les bases vides existent'),
        body: tr(
          `If the SQL Server was rebuilt, re-create the ${s.kind} databases first: Topology Builder > Install Database (or Install-CsDatabase).`,
          `Si le serveur SQL a été reconstruit, recréez d’abord les bases ${s.kind === 'Archiving' ? 'd’archivage' : 'de surveillance'} : Générateur de topologie > Installer la base de données (ou Install-CsDatabase).`,
        ),
        commands: [`Test-CsDatabase -DatabaseType ${s.kind} ${sqlArgs(s)}`],
        verify: tr(`${s.databases.join(', ')} exist on ${sqlName(s)}.`, `${s.databases.join(', ')} existent sur ${sqlName(s)}.`),
        on: s.server,
        minutes: 10,
        ref: REF,
      },
      ...s.databases.map((db) => ({
        title: tr(`Restore ${db} in SQL Server Management Studio`, `Restaurer ${db} dans SQL Server Management Studio`),
        body: tr(
          `Connect to ${sqlName(s)} > Databases > Restore Database; To database: ${db}; From device: the backup set of ${db}; Options: check the data and log file paths; OK.`,
          `Connectez-vous à ${sqlName(s)} > Bases de données > Restaurer la base de données ; Vers la base de données : ${db} ; À partir de l’unité : le jeu de sauvegarde de ${db} ; Options : vérifiez les chemins des fichiers de données et de journal ; OK.`,
        ),
        verify: tr(`SQL Server reports the restore of ${db} as successful.`, `SQL Server indique que la restauration de ${db} a réussi.`),
        on: s.server,
        minutes: 30,
        ref: REF,
      })),
      {
        title: tr('Check the RTCComponentUniversalServices database user', 'Vérifier l’utilisateur de base de données RTCComponentUniversalServices'),
        body: tr(
          `For each restored database: Security > Users; RTCComponentUniversalServices must exist with the database role ServerRole. Add it if it is missing. No service restart is needed.`,
          `Pour chaque base restaurée : Sécurité > Utilisateurs ; RTCComponentUniversalServices doit exister avec le rôle de base de données ServerRole. Ajoutez-le s’il manque. Aucun redémarrage de service n’est nécessaire.`,
        ),
        verify: tr('New calls and conversations appear in the reports.', 'Les nouveaux appels et conversations apparaissent dans les rapports.'),
        on: s.server,
        minutes: 10,
        ref: REF,
      },
    ],
  }));
  return runbookDocument(
    {
      id: 'restore-monitoring-archiving',
      title: tr('Restore Monitoring or Archiving data', 'Restauration des données de surveillance ou d’archivage'),
      subtitle: stores.map((s) => sqlName(s)).join(', '),
      purpose: [
        tr(
          'Restores the Archiving (LcsLog) and Monitoring (LcsCDR, QoEMetrics) databases from SQL Server backups. Lync Server does not need them to provide service: restore them after the service is back.',
          'Restaure les bases d’archivage (LcsLog) et de surveillance (LcsCDR, QoEMetrics) à partir des sauvegardes SQL Server. Lync Server n’en a pas besoin pour fournir le service : restaurez-les une fois le service rétabli.',
        ),
      ],
      facts: [
        [L.facts.deployment, t.deployment ?? tbd(lang)],
        [tr('SQL stores', 'Magasins SQL'), stores.map((s) => `${s.kind}: ${sqlName(s)} (${s.databases.join(', ')})`).join('; ')],
        [L.facts.owner, ownerOf(t, stores.map((s) => s.id)) ?? { text: tbd(lang), style: 'blank' }],
      ],
      preconditions: [
        tr('The SQL Server instance runs with the same name as before the failure.', 'L’instance SQL Server fonctionne avec le même nom qu’avant la panne.'),
        tr('The SQL Server backup sets of the databases are at hand.', 'Les jeux de sauvegarde SQL Server des bases sont disponibles.'),
        tr('You are a member of RTCUniversalServerAdmins and a SQL Server administrator of the instance.', 'Vous êtes membre de RTCUniversalServerAdmins et administrateur SQL Server de l’instance.'),
      ],
      sections,
      notes: [tr('Archiving and Monitoring settings live in the Central Management store and are restored with it, not here.', 'Les paramètres d’archivage et de surveillance se trouvent dans le magasin central de gestion et sont restaurés avec lui, pas ici.')],
      rollback: [tr('A failed SQL restore leaves the previous database in place: fix the cause (backup set, paths) and restore again.', 'Une restauration SQL en échec laisse la base précédente en place : corrigez la cause (jeu de sauvegarde, chemins) et restaurez de nouveau.')],
      refs: [REF, PREPARING, 'lync-server-2013-backing-up-archiving-and-monitoring-databases.md', 'cmdlets/Test-CsDatabase.md'],
    },
    t.deployment,
    opts,
  );
}

/** Restore Monitoring or Archiving data (REFERENCE §c.9). */
export const restoreMonitoringArchivingRunbook: RunbookSpec = {
  id: 'restore-monitoring-archiving',
  title: { en: 'Restore Monitoring or Archiving data', fr: 'Restauration des données de surveillance ou d’archivage' },
  refs: [REF],
  applies,
  build,
};
