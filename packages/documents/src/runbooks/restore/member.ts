import { isUserPool, type Pool, type PoolKind, type Topology } from '@lyncdr/topology';
import type { Document } from '../../model';
import type { RunbookOptions, RunbookSpec } from '../spec';
import { ownerOf } from '../common/deployment';
import { tbd } from '../../text/index';
import { runbookLabels } from '../common/labels';
import { pick } from '../common/lang';
import { pickPools } from '../common/pools';
import { runbookDocument, type RunbookSection, type RunbookStep } from '../common/procedure';
import { deploymentWizardStep, newServerStep, PREPARING, restorePreconditions, restoreRollback } from './common';

const REF = 'lync-server-2013-restoring-an-enterprise-edition-member-server.md';
const MEMBER_KINDS: PoolKind[] = ['FrontEnd', 'Edge', 'Director', 'Mediation', 'PersistentChat'];

const fits = (p: Pool) => MEMBER_KINDS.includes(p.kind) && p.machines.length > 0;

function applies(t: Topology, opts: RunbookOptions): string | null {
  const r = pickPools(t, opts.pools, fits, 'pool with member servers (Front End, Edge, Director, Mediation or Persistent Chat)');
  return typeof r === 'string' ? r : null;
}

function build(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const L = runbookLabels(opts.lang);
  const lang = opts.lang;
  const pools = pickPools(t, opts.pools, fits, 'pool') as Pool[];
  const internal = t.cms?.pool ?? t.pools.find(isUserPool)?.fqdn ?? null;
  const sections: RunbookSection[] = pools.map((pool) => {
    const steps: RunbookStep[] = [newServerStep(lang, pool.machines, REF, false, pool.kind === 'Edge' ? 'edge' : 'internal')];
    if (pool.kind === 'Edge') {
      steps.push({
        title: tr('Export the configuration for the Edge Server', 'Exporter la configuration pour le serveur Edge'),
        body: tr(
          'An Edge Server cannot read the Central Management store until it is set up: export the configuration on an internal server and copy the file to the Edge Server.',
          'Un serveur Edge ne peut pas lire le magasin central de gestion tant qu’il n’est pas installé : exportez la configuration sur un serveur interne et copiez le fichier sur le serveur Edge.',
        ),
        commands: ['Export-CsConfiguration -FileName "C:\\EdgeConfiguration.zip"'],
        verify: tr('The zip exists and is copied to the Edge Server.', 'Le fichier zip existe et est copié sur le serveur Edge.'),
        on: internal,
        minutes: 10,
        ref: 'lync-server-2013-performing-and-monitoring-backups.md',
      });
    }
    steps.push(
      deploymentWizardStep(
        lang,
        pool.machines,
        REF,
        pool.kind === 'Edge'
          ? tr('In Step 1, import the configuration file into the local store (the command below).', 'À l’étape 1, importez le fichier de configuration dans le magasin local (commande ci-dessous).')
          : undefined,
      ),
    );
    if (pool.kind === 'Edge') steps[steps.length - 1]!.commands = ['Import-CsConfiguration -FileName "C:\\EdgeConfiguration.zip" -LocalStore'];
    steps.push({
      title: tr('Check the services on each restored server', 'Vérifier les services sur chaque serveur restauré'),
      commands: ['Get-CsWindowsService'],
      verify: tr('Every Lync service shows Running.', 'Chaque service Lync indique Running.'),
      on: pool.machines.length === 1 ? pool.machines[0]! : null,
      minutes: 5,
      ref: REF,
    });
    return { heading: `${pool.fqdn} (${pool.kind}): ${pool.machines.join(', ')}`, intro: tr('Do these steps for each failed server of the pool only.', 'Effectuez ces étapes uniquement pour chaque serveur en panne du pool.'), steps };
  });
  return runbookDocument(
    {
      id: 'restore-member',
      title: tr('Restore a pool member server', 'Restauration d’un serveur membre d’un pool'),
      subtitle: pools.map((p) => p.fqdn).join(', '),
      purpose: [
        tr(
          'Rebuilds a failed Front End, Edge, Director, Mediation or Persistent Chat server (not a Back End) on a clean server with the same FQDN, with the Deployment Wizard. The server reads its configuration from the Central Management store; no data is restored.',
          'Reconstruit un serveur frontal, Edge, directeur, de médiation ou de conversation permanente en panne (pas un serveur principal) sur un serveur propre portant le même FQDN, avec l’Assistant Déploiement. Le serveur lit sa configuration dans le magasin central de gestion ; aucune donnée n’est restaurée.',
        ),
      ],
      facts: [
        [L.facts.deployment, t.deployment ?? tbd(lang)],
        [L.facts.pools, pools.map((p) => `${p.fqdn} (${p.kind})`).join(', ')],
        [L.facts.owner, ownerOf(t, pools.map((p) => p.fqdn)) ?? { text: tbd(lang), style: 'blank' }],
      ],
      preconditions: [...restorePreconditions(lang), tr('The Central Management store is available (Get-CsManagementStoreReplicationStatus).', 'Le magasin central de gestion est disponible (Get-CsManagementStoreReplicationStatus).')],
      sections,
      notes: [tr('If every server of a pool is lost, use restore-pool (Back End first, then each member).', 'Si tous les serveurs d’un pool sont perdus, utilisez restore-pool (le serveur principal d’abord, puis chaque membre).')],
      rollback: restoreRollback(lang),
      refs: [REF, PREPARING, 'lync-server-2013-performing-and-monitoring-backups.md', 'cmdlets/Import-CsConfiguration.md'],
    },
    t.deployment,
    opts,
  );
}

/** Restore an Enterprise Edition member server (REFERENCE §c.6). */
export const restoreMemberRunbook: RunbookSpec = {
  id: 'restore-member',
  title: { en: 'Restore a pool member server', fr: 'Restauration d’un serveur membre d’un pool' },
  refs: [REF, PREPARING],
  applies,
  build,
};
