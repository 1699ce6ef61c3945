import { backEndOf, fileStoreOf, isUserPool, sqlName, type Pool, type PoolKind, type Topology } from '@lyncdr/topology';
import type { Document } from '../../model';
import type { RunbookOptions, RunbookSpec } from '../spec';
import { ownerOf } from '../common/deployment';
import { tbd } from '../../text/index';
import { runbookLabels } from '../common/labels';
import { pick } from '../common/lang';
import { pickPools } from '../common/pools';
import { runbookDocument, type RunbookSection, type RunbookStep } from '../common/procedure';
import { deploymentWizardStep, PREPARING, restorePreconditions, restoreRollback } from './common';

const REF = 'lync-server-2013-restoring-a-lync-server-pool.md';
const POOL_KINDS: PoolKind[] = ['FrontEnd', 'StandardEdition', 'Edge', 'Director', 'Mediation', 'PersistentChat'];

const fits = (p: Pool) => POOL_KINDS.includes(p.kind);

function applies(t: Topology, opts: RunbookOptions): string | null {
  const r = pickPools(t, opts.pools, fits, 'Lync Server pool (Front End, Standard Edition, Edge, Director, Mediation or Persistent Chat)');
  return typeof r === 'string' ? r : null;
}

function build(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const L = runbookLabels(opts.lang);
  const lang = opts.lang;
  const pools = pickPools(t, opts.pools, fits, 'pool') as Pool[];
  const sections: RunbookSection[] = pools.map((pool) => {
    const steps: RunbookStep[] = [];
    if (pool.backupPool) {
      steps.push({
        title: tr(`Decide: fail over to ${pool.backupPool}, or restore`, `Décider : basculer vers ${pool.backupPool}, ou restaurer`),
        body: tr(
          `${pool.fqdn} is paired with ${pool.backupPool}. Failing its users over (pool-failover) restores service faster; restore the pool afterwards, or rebuild it under a new FQDN (abc-rebuild) if it cannot come back.`,
          `${pool.fqdn} est couplé avec ${pool.backupPool}. Le basculement de ses utilisateurs (pool-failover) rétablit le service plus vite ; restaurez le pool ensuite, ou reconstruisez-le sous un nouveau FQDN (abc-rebuild) s’il ne peut pas revenir.`,
        ),
        verify: tr('The decision and its owner are written in the worksheet.', 'La décision et son responsable sont consignés dans la feuille de travail.'),
        minutes: 15,
        ref: REF,
      });
    }
    const be = isUserPool(pool) ? backEndOf(t, pool.fqdn) : null;
    if (be) {
      const hostsCms = t.cms?.pool === pool.fqdn && t.cms.sqlServer === be.server;
      steps.push({
        title: tr(`Restore the Back End first: ${sqlName(be)}`, `Restaurer d’abord le serveur principal : ${sqlName(be)}`),
        body: hostsCms
          ? tr('It hosts the Central Management store: follow the restore-cms runbook.', 'Il héberge le magasin central de gestion : suivez le runbook restore-cms.')
          : pool.kind === 'StandardEdition'
            ? tr('Follow the restore-standard-edition runbook.', 'Suivez le runbook restore-standard-edition.')
            : tr('Follow the restore-back-end runbook (restore-mirror-primary or restore-mirror if only one side of a mirror is lost).', 'Suivez le runbook restore-back-end (restore-mirror-primary ou restore-mirror si un seul côté du miroir est perdu).'),
        verify: tr('The databases are back and the user data is imported.', 'Les bases sont de retour et les données utilisateur sont importées.'),
        minutes: 180,
        ref: REF,
      });
    }
    const fs = be ? fileStoreOf(t, pool.fqdn) : null;
    if (fs && pool.kind !== 'StandardEdition') {
      steps.push({
        title: tr(`If the file store ${fs.unc} is lost too: restore it`, `Si le magasin de fichiers ${fs.unc} est aussi perdu : le restaurer`),
        body: tr('Follow the restore-file-store runbook.', 'Suivez le runbook restore-file-store.'),
        verify: tr(`${fs.unc} holds the restored files.`, `${fs.unc} contient les fichiers restaurés.`),
        minutes: 60,
        ref: 'lync-server-2013-restoring-a-file-store.md',
      });
    }
    if (pool.kind !== 'StandardEdition') {
      steps.push(deploymentWizardStep(lang, pool.machines, 'lync-server-2013-restoring-an-enterprise-edition-member-server.md', tr('Same steps as restore-member, for every server of the pool.', 'Mêmes étapes que restore-member, pour chaque serveur du pool.')));
    }
    steps.push({
      title: tr('Check the pool', 'Vérifier le pool'),
      commands: [`Get-CsPool -Identity ${pool.fqdn}`, 'Get-CsWindowsService'],
      verify: tr(`The pool lists ${pool.machines.join(', ')}; every Lync service shows Running on each server.`, `Le pool liste ${pool.machines.join(', ')} ; chaque service Lync indique Running sur chaque serveur.`),
      on: pool.machines[0] ?? pool.fqdn,
      minutes: 10,
      ref: REF,
    });
    return { heading: `${pool.fqdn} (${pool.kind})`, steps };
  });
  return runbookDocument(
    {
      id: 'restore-pool',
      title: tr('Restore a whole pool', 'Restauration d’un pool complet'),
      subtitle: pools.map((p) => p.fqdn).join(', '),
      purpose: [
        tr(
          'Restores a pool whose servers are all lost. For a Front End pool the Back End is restored first, then each Front End server; other pools (Edge, Director, Mediation, Persistent Chat) are restored server by server.',
          'Restaure un pool dont tous les serveurs sont perdus. Pour un pool frontal, le serveur principal est restauré d’abord, puis chaque serveur frontal ; les autres pools (Edge, directeur, médiation, conversation permanente) sont restaurés serveur par serveur.',
        ),
      ],
      facts: [
        [L.facts.deployment, t.deployment ?? tbd(lang)],
        [L.facts.pools, pools.map((p) => `${p.fqdn} (${p.kind}${p.backupPool ? ` ⇄ ${p.backupPool}` : ''})`).join(', ')],
        [L.facts.owner, ownerOf(t, pools.map((p) => p.fqdn)) ?? { text: tbd(lang), style: 'blank' }],
      ],
      preconditions: restorePreconditions(lang, { sql: true }),
      sections,
      rollback: restoreRollback(lang),
      refs: [REF, PREPARING, 'lync-server-2013-restoring-an-enterprise-edition-member-server.md', 'lync-server-2013-restoring-an-enterprise-edition-back-end-server.md', 'lync-server-2013-restoring-the-server-hosting-the-central-management-store.md'],
    },
    t.deployment,
    opts,
  );
}

/** Restore a whole pool (REFERENCE §c.7). */
export const restorePoolRunbook: RunbookSpec = {
  id: 'restore-pool',
  title: { en: 'Restore a whole pool', fr: 'Restauration d’un pool complet' },
  refs: [REF, PREPARING],
  applies,
  build,
};
