/** Runbook: failing over a Front End pool (lync-server-2013-failing-over-a-pool.md), built from the engine's plan. */
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
    const p = tryPlan({ kind: 'failover', pool }, stateWith(t, { down: [pool] }), t);
    if (!p) continue;
    sections.push({
      heading: tr(`Pool ${pool} has failed`, `Le pool ${pool} est hors service`),
      intro: tr(`Run this procedure only if ${pool} has failed; the other procedures are for the other pools.`, `Suivre cette procédure uniquement si ${pool} est hors service ; les autres procédures concernent les autres pools.`),
      scenario: true,
      steps: runbookSteps(p, opts.lang),
    });
    warnings.push(...planWarnings(p, opts.lang).filter((w) => !warnings.includes(w)));
  }
  return runbookDocument({
    id: 'pool-failover',
    title: tr('Runbook: failing over a Front End pool', 'Procédure : basculement d’un pool frontal'),
    purpose: [
      tr('Move the users of a failed Front End pool to its paired backup pool. Pool failover is never automatic: an administrator runs it.', 'Faire servir les utilisateurs d’un pool frontal hors service par son pool de sauvegarde couplé. Le basculement n’est jamais automatique : un administrateur le lance.'),
      ...poolFqdnRules(opts.lang),
    ],
    facts: [[tr('Pools covered', 'Pools concernés'), pairedPools(t, opts.pools).join(', ')], [tr('Central Management store', 'Magasin central de gestion'), t.cms?.pool ?? '—']],
    preconditions: [
      tr('The backup pool is running and reachable.', 'Le pool de sauvegarde fonctionne et est joignable.'),
      tr('Get-CsBackupServiceStatus was checked on the backup pool; the RPO exposure is understood.', 'Get-CsBackupServiceStatus a été vérifié sur le pool de sauvegarde ; l’exposition RPO est comprise.'),
      tr('The latest LIS export and Response Group export files of the failed pool are at hand.', 'Les derniers exports LIS et Response Group du pool hors service sont disponibles.'),
      tr('You are a member of RTCUniversalServerAdmins and use an elevated Lync Server Management Shell.', 'Vous êtes membre de RTCUniversalServerAdmins et utilisez un Lync Server Management Shell élevé.'),
    ],
    sections,
    warnings,
    notes: [tr('If Invoke-CsPoolFailOver fails, fix what its error names (CMS failover incomplete, an Edge pool still using the pool as next hop) and run it again.', 'Si Invoke-CsPoolFailOver échoue, corriger ce que l’erreur indique (basculement du magasin central incomplet, pool Edge utilisant encore le pool comme tronçon suivant) puis relancer.')],
    errata: [tr('ERRATUM: the page writes -MirrorSQLServerFqdn/-MirrorSQLInstanceName for Invoke-CsManagementServerFailover; the parameters are -BackupMirrorSqlServerFqdn/-BackupMirrorSqlInstanceName, and -Force is required.', 'ERRATUM : la page écrit -MirrorSQLServerFqdn/-MirrorSQLInstanceName pour Invoke-CsManagementServerFailover ; les paramètres sont -BackupMirrorSqlServerFqdn/-BackupMirrorSqlInstanceName, et -Force est obligatoire.')],
    rollback: [
      tr('Once the failed pool is healthy again, fail back with Invoke-CsPoolFailBack -PoolFqdn <the same pool> (runbook pool-failback).', 'Une fois le pool réparé, restauration automatique avec Invoke-CsPoolFailBack -PoolFqdn <le même pool> (procédure pool-failback).'),
      tr('The Central Management store does not need to be failed back.', 'Le magasin central de gestion n’a pas besoin d’être restauré.'),
    ],
    refs: ['lync-server-2013-failing-over-a-pool.md', MANAGING, 'cmdlets/Invoke-CsPoolFailOver.md', 'cmdlets/Invoke-CsManagementServerFailover.md', 'lync-server-2013-user-experience-during-pool-failure.md'],
  }, t.deployment, opts);
}

export const poolFailoverRunbook: RunbookSpec = {
  id: 'pool-failover',
  title: { en: 'Failing over a Front End pool', fr: 'Basculement d’un pool frontal' },
  refs: ['lync-server-2013-failing-over-a-pool.md', MANAGING],
  applies: (t, opts) => pairedApplies(t, opts.pools),
  build,
};
