import { sqlName, storesOf, type SqlStore, type Topology } from '@lyncdr/topology';
import type { Document } from '../../model';
import type { RunbookOptions, RunbookSpec } from '../spec';
import { inBackup, ownerOf, q } from '../common/deployment';
import { tbd } from '../../text/index';
import { runbookLabels } from '../common/labels';
import { pick } from '../common/lang';
import { runbookDocument, type RunbookSection } from '../common/procedure';
import { restoreRollback, setBackupStep } from './common';

const REF = 'lync-server-2013-restoring-persistent-chat-data.md';

function storesFor(t: Topology, named: string[]): SqlStore[] {
  const wanted = new Set(named.map((n) => n.toLowerCase()));
  return storesOf(t, 'PersistentChat').filter((s) => wanted.size === 0 || s.pools.some((p) => wanted.has(p.toLowerCase())) || wanted.has(s.server.toLowerCase()));
}

function applies(t: Topology, opts: RunbookOptions): string | null {
  if (storesOf(t, 'PersistentChat').length === 0) return 'this deployment has no Persistent Chat store';
  if (storesFor(t, opts.pools).length === 0) return `no Persistent Chat store is used by ${opts.pools.join(', ')}`;
  return null;
}

function build(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const L = runbookLabels(opts.lang);
  const lang = opts.lang;
  const stores = storesFor(t, opts.pools);
  const sections: RunbookSection[] = [
    { steps: [setBackupStep(t, lang, null)] },
    ...stores.map((s) => ({
      heading: `${sqlName(s)} — ${s.pools.join(', ')}`,
      steps: [
        {
          title: tr('If the data was backed up with Export-CsPersistentChatData: import it', 'Si les données ont été sauvegardées avec Export-CsPersistentChatData : les importer'),
          body: tr('Needs membership in CsPersistentChatAdministrator.', 'Nécessite l’appartenance à CsPersistentChatAdministrator.'),
          commands: [`Import-CsPersistentChatData -DBInstance ${q(sqlName(s))} -FileName "${inBackup(t, 'persistentChat', s.server)}"`],
          verify: tr('The import ends without error; chat rooms show their history.', 'L’import se termine sans erreur ; les salles de conversation affichent leur historique.'),
          on: s.pools[0] ?? null,
          minutes: 30,
          ref: REF,
        },
        {
          title: tr('If the data was backed up with SQL Server: restore it with SQL Server', 'Si les données ont été sauvegardées avec SQL Server : les restaurer avec SQL Server'),
          body: tr(
            `SQL Server Management Studio > ${sqlName(s)} > Databases > Restore Database; To database: ${s.databases.filter((d) => d.toLowerCase() !== 'mgccomp').join(', ') || 'mgc'}; From device: the backup set.`,
            `SQL Server Management Studio > ${sqlName(s)} > Bases de données > Restaurer la base de données ; Vers la base de données : ${s.databases.filter((d) => d.toLowerCase() !== 'mgccomp').join(', ') || 'mgc'} ; À partir de l’unité : le jeu de sauvegarde.`,
          ),
          verify: tr('SQL Server reports the restore as successful; chat rooms show their history.', 'SQL Server indique que la restauration a réussi ; les salles de conversation affichent leur historique.'),
          on: s.server,
          minutes: 30,
          ref: REF,
        },
      ],
    })),
  ];
  return runbookDocument(
    {
      id: 'restore-persistent-chat',
      title: tr('Restore Persistent Chat data', 'Restauration des données de conversation permanente'),
      subtitle: stores.map((s) => sqlName(s)).join(', '),
      purpose: [
        tr(
          'Restores the Persistent Chat database (chat rooms, their content, principals, roles and access) with the same method that was used to back it up: SQL Server restore for a SQL Server backup, Import-CsPersistentChatData for an Export-CsPersistentChatData file. Do only the step that matches.',
          'Restaure la base de conversation permanente (salles, contenu, principaux, rôles et accès) avec la méthode utilisée pour la sauvegarde : restauration SQL Server pour une sauvegarde SQL Server, Import-CsPersistentChatData pour un fichier Export-CsPersistentChatData. N’effectuez que l’étape correspondante.',
        ),
      ],
      facts: [
        [L.facts.deployment, t.deployment ?? tbd(lang)],
        [tr('Persistent Chat stores', 'Magasins de conversation permanente'), stores.map((s) => sqlName(s)).join(', ')],
        [tr('Backup method', 'Méthode de sauvegarde'), { text: tbd(lang), style: 'blank' }],
        [L.facts.owner, ownerOf(t, stores.flatMap((s) => [s.id, ...s.pools])) ?? { text: tbd(lang), style: 'blank' }],
      ],
      preconditions: [
        tr('The SQL Server instance runs with the same name as before the failure.', 'L’instance SQL Server fonctionne avec le même nom qu’avant la panne.'),
        tr('You know which method backed the data up (worksheet), and the backup is at hand.', 'Vous savez quelle méthode a servi à la sauvegarde (feuille de travail), et la sauvegarde est disponible.'),
      ],
      sections,
      notes: [
        tr('The data comes back as of the last backup, not up to the point of failure. The compliance database (mgccomp) is not restored.', 'Les données reviennent à l’état de la dernière sauvegarde, pas jusqu’au moment de la panne. La base de conformité (mgccomp) n’est pas restaurée.'),
      ],
      rollback: restoreRollback(lang).slice(0, 1),
      refs: [REF, 'lync-server-2013-backing-up-persistent-chat-databases.md', 'cmdlets/Import-CsPersistentChatData.md'],
    },
    t.deployment,
    opts,
  );
}

/** Restore Persistent Chat data (REFERENCE §c.10). */
export const restorePersistentChatRunbook: RunbookSpec = {
  id: 'restore-persistent-chat',
  title: { en: 'Restore Persistent Chat data', fr: 'Restauration des données de conversation permanente' },
  refs: [REF],
  applies,
  build,
};
