/** Runbook: failing back a Front End pool (lync-server-2013-failing-back-a-pool.md), from the engine's plan. */
import type { Topology } from '@lyncdr/topology';
import type { Document, Text } from '../../model';
import { pick } from '../common/lang';
import { runbookDocument, type RunbookSection } from '../common/procedure';
import type { RunbookOptions, RunbookSpec } from '../spec';
import { MANAGING, pairedApplies, pairedPools, planWarnings, poolFqdnRules, runbookSteps, stateWith, tryPlan } from './common';

function build(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const sections: RunbookSection[] = [];
  const warnings: Text[] = [];
  for (const pool of pairedPools(t, opts.pools)) {
    const over = tryPlan({ kind: 'failover', pool }, stateWith(t, { down: [pool] }), t);
    if (!over) continue;
    const back = tryPlan({ kind: 'failback', pool }, { ...over.finalState, down: [] }, t);
    if (!back) continue;
    sections.push({ heading: tr(`Users of ${pool} come home from ${over.finalState.failedOver[pool]}`, `Retour des utilisateurs de ${pool} depuis ${over.finalState.failedOver[pool]}`), steps: runbookSteps(back, opts.lang) });
    warnings.push(...planWarnings(back, opts.lang).filter((w) => !warnings.includes(w)));
  }
  return runbookDocument({
    id: 'pool-failback',
    title: tr('Runbook: failing back a Front End pool', 'Procédure : restauration automatique d’un pool frontal'),
    purpose: [
      tr('Bring failed-over users back to their home pool once it is healthy again.', 'Ramener les utilisateurs basculés vers leur pool d’origine une fois celui-ci réparé.'),
      ...poolFqdnRules(opts.lang),
    ],
    facts: [[tr('Pools covered', 'Pools concernés'), pairedPools(t, opts.pools).join(', ')]],
    preconditions: [
      tr('The home pool is healthy again (restored or repaired) and its services are running.', 'Le pool d’origine est de nouveau opérationnel (restauré ou réparé) et ses services fonctionnent.'),
      tr('The users were failed over with Invoke-CsPoolFailOver -PoolFqdn <home pool>; the failback uses the same FQDN.', 'Les utilisateurs ont été basculés avec Invoke-CsPoolFailOver -PoolFqdn <pool d’origine> ; la restauration automatique utilise le même FQDN.'),
      tr('A maintenance window: failback of 20,000 users can take up to about 60 minutes.', 'Une fenêtre de maintenance : la restauration automatique de 20 000 utilisateurs peut prendre environ 60 minutes.'),
    ],
    sections,
    warnings,
    notes: [
      tr('Docs disagree on the follow-ups: the failback page says no other steps are necessary; the conference-content, Response Group and announcement pages add their own steps. They are kept, each labelled with its source.', 'La documentation se contredit sur les étapes suivantes : la page de restauration automatique dit qu’aucune autre étape n’est nécessaire ; les pages contenu de conférence, Response Group et annonces ajoutent les leurs. Elles sont conservées, chacune avec sa source.'),
      tr('Use -DisasterMode on Invoke-CsPoolFailBack only if the backup pool is unavailable: data produced on it is then lost.', 'N’utiliser -DisasterMode avec Invoke-CsPoolFailBack que si le pool de sauvegarde est indisponible : les données produites sur celui-ci sont alors perdues.'),
    ],
    rollback: [tr('If the home pool fails again, fail over again with Invoke-CsPoolFailOver -PoolFqdn <home pool> -DisasterMode (runbook pool-failover).', 'Si le pool d’origine retombe en panne, basculer de nouveau avec Invoke-CsPoolFailOver -PoolFqdn <pool d’origine> -DisasterMode (procédure pool-failover).')],
    refs: ['lync-server-2013-failing-back-a-pool.md', MANAGING, 'cmdlets/Invoke-CsPoolFailBack.md', 'lync-server-2013-restoring-conference-contents-using-the-backup-service.md', 'lync-server-2013-response-group-disaster-recovery-procedures.md'],
  }, t.deployment, opts);
}

export const poolFailbackRunbook: RunbookSpec = {
  id: 'pool-failback',
  title: { en: 'Failing back a Front End pool', fr: 'Restauration automatique d’un pool frontal' },
  refs: ['lync-server-2013-failing-back-a-pool.md', MANAGING],
  applies: (t, opts) => pairedApplies(t, opts.pools),
  build,
};
