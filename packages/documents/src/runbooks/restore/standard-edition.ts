import { fileStoreOf, storesOf, type Pool, type Topology } from '@lyncdr/topology';
import type { Document } from '../../model';
import type { RunbookOptions, RunbookSpec } from '../spec';
import { ownerOf, responseGroupPools } from '../common/deployment';
import { tbd } from '../../text/index';
import { runbookLabels } from '../common/labels';
import { pick } from '../common/lang';
import { pickPools } from '../common/pools';
import { runbookDocument, type RunbookSection } from '../common/procedure';
import { deploymentWizardStep, importRgsStep, importUserDataStep, newServerStep, OVERVIEW, PREPARING, restoreFileStoreSteps, restorePreconditions, restoreRollback, setBackupStep } from './common';

const REF = 'lync-server-2013-restoring-a-standard-edition-server.md';

const fits = (t: Topology) => (p: Pool) => p.kind === 'StandardEdition' && t.cms?.pool !== p.fqdn;

function applies(t: Topology, opts: RunbookOptions): string | null {
  const named = opts.pools.map((p) => p.toLowerCase());
  if (t.cms && named.includes(t.cms.pool.toLowerCase())) return `${t.cms.pool} hosts the Central Management store: use the restore-cms runbook`;
  const r = pickPools(t, opts.pools, fits(t), 'Standard Edition server (that does not host the Central Management store)');
  return typeof r === 'string' ? r : null;
}

function build(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const L = runbookLabels(opts.lang);
  const servers = pickPools(t, opts.pools, fits(t), 'Standard Edition server') as Pool[];
  const rgs = new Set(responseGroupPools(t).map((p) => p.fqdn));
  const sections: RunbookSection[] = [{ steps: [setBackupStep(t, opts.lang, null)] }];
  for (const se of servers) {
    const fs = fileStoreOf(t, se.fqdn);
    const chat = storesOf(t, 'PersistentChat').filter((s) => s.server === se.fqdn);
    sections.push({
      heading: se.fqdn,
      steps: [
        newServerStep(opts.lang, [se.fqdn], REF),
        ...(fs ? restoreFileStoreSteps(opts.lang, t, fs, REF) : []),
        {
          title: tr('Download the topology in Topology Builder', 'Télécharger la topologie dans le Générateur de topologie'),
          body: tr('Topology Builder > Download Topology from existing deployment, then save the file.', 'Générateur de topologie > Télécharger la topologie à partir d’un déploiement existant, puis enregistrez le fichier.'),
          verify: tr(`The downloaded topology shows ${se.fqdn}.`, `La topologie téléchargée affiche ${se.fqdn}.`),
          minutes: 5,
          ref: REF,
        },
        deploymentWizardStep(opts.lang, [se.fqdn], REF),
        importUserDataStep(t, opts.lang, se, REF),
        ...(rgs.has(se.fqdn) ? [importRgsStep(t, opts.lang, se.fqdn)] : []),
        ...(chat.length > 0
          ? [
              {
                title: tr('Restore the Persistent Chat database', 'Restaurer la base de conversation permanente'),
                body: tr('Persistent Chat runs on this server: follow the restore-persistent-chat runbook, with the same method as the backup.', 'La conversation permanente s’exécute sur ce serveur : suivez le runbook restore-persistent-chat, avec la même méthode que la sauvegarde.'),
                verify: tr('Chat rooms show their history.', 'Les salles de conversation affichent leur historique.'),
                minutes: 30,
                ref: REF,
              },
            ]
          : []),
      ],
    });
  }
  return runbookDocument(
    {
      id: 'restore-standard-edition',
      title: tr('Restore a Standard Edition server', 'Restauration d’un serveur Standard Edition'),
      subtitle: servers.map((s) => s.fqdn).join(', '),
      purpose: [
        tr(
          'Rebuilds a failed Standard Edition server that does not host the Central Management store, on a clean server with the same FQDN, then restores its file store, user data and Response Group settings from the backup set.',
          'Reconstruit un serveur Standard Edition en panne qui n’héberge pas le magasin central de gestion, sur un serveur propre portant le même FQDN, puis restaure son magasin de fichiers, ses données utilisateur et ses paramètres Response Group à partir du jeu de sauvegarde.',
        ),
      ],
      facts: [
        [L.facts.deployment, t.deployment ?? tbd(opts.lang)],
        [L.facts.pools, servers.map((s) => s.fqdn).join(', ')],
        [L.facts.owner, ownerOf(t, servers.map((s) => s.fqdn)) ?? { text: tbd(opts.lang), style: 'blank' }],
      ],
      preconditions: restorePreconditions(opts.lang),
      sections,
      notes: [tr('If this server is paired, its users can be failed over to the backup pool while it is rebuilt (pool-failover).', 'Si ce serveur est couplé, ses utilisateurs peuvent basculer vers le pool de sauvegarde pendant la reconstruction (pool-failover).')],
      rollback: restoreRollback(opts.lang),
      refs: [REF, PREPARING, OVERVIEW, 'lync-server-2013-restoring-response-group-settings.md', 'lync-server-2013-restoring-persistent-chat-data.md'],
    },
    t.deployment,
    opts,
  );
}

/** Restore a Standard Edition server (REFERENCE §c.1). */
export const restoreStandardEditionRunbook: RunbookSpec = {
  id: 'restore-standard-edition',
  title: { en: 'Restore a Standard Edition server', fr: 'Restauration d’un serveur Standard Edition' },
  refs: [REF, PREPARING],
  applies,
  build,
};
