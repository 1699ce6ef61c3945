/**
 * Runbook: failing over a mirrored Back End database (lync-server-2013-failing-over-a-mirrored-database.md). Only pools
 * whose Back End is SQL-mirrored where mirroring exists (not an AlwaysOn group or a failover cluster instance, not SfB
 * 2019: docs-sfb/back-end-server.md, docs-sfb/SfBServer2019/deprecated.md).
 */
import { mirrorAt } from '@lyncdr/domain';
import { findPool, isUserPool, type Topology } from '@lyncdr/topology';
import type { Document } from '../../model';
import { pick } from '../common/lang';
import { runbookDocument, type RunbookSection } from '../common/procedure';
import type { RunbookOptions, RunbookSpec } from '../spec';
import { runbookSteps, stateWith, tryPlan } from './common';

const REF = 'lync-server-2013-failing-over-a-mirrored-database.md';

function mirroredPools(t: Topology, named: string[]): string[] {
  const wanted = new Set(named.map((n) => n.toLowerCase()));
  return t.sqlStores
    .filter((s) => s.kind === 'BackEnd' && s.mirror)
    .flatMap((s) => s.pools)
    .filter((p) => {
      const pool = findPool(t, p);
      return pool !== undefined && isUserPool(pool) && mirrorAt(t, p) !== null;
    })
    .filter((p) => wanted.size === 0 || wanted.has(p.toLowerCase()))
    .sort();
}

function build(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const sections: RunbookSection[] = [];
  const state = stateWith(t, {});
  for (const pool of mirroredPools(t, opts.pools)) {
    const types = t.cms?.pool === pool ? ['User', 'CentralMgmt'] : ['User'];
    for (const type of types) {
      const p = tryPlan({ kind: 'db-failover', pool, type }, state, t);
      if (p) sections.push({ heading: `${pool} — ${type}`, steps: runbookSteps(p, opts.lang) });
    }
  }
  return runbookDocument({
    id: 'mirror-failover',
    title: tr('Runbook: failing over a mirrored Back End', 'Procédure : basculement d’un serveur principal en miroir'),
    purpose: [tr('Make the mirror Back End principal when the primary failed (or the primary again when the mirror failed). Automatic with synchronous mirroring and a witness; this is the manual way, allowed even with a witness.', 'Rendre principal le serveur miroir quand le serveur principal a échoué (ou l’inverse). Automatique avec un miroir synchrone et un témoin ; voici la méthode manuelle, autorisée même avec un témoin.')],
    facts: [[tr('Mirrored pools', 'Pools en miroir'), mirroredPools(t, opts.pools).join(', ')]],
    preconditions: [
      tr('The Back End that becomes principal is running.', 'Le serveur qui devient principal fonctionne.'),
      tr('Get-CsDatabaseMirrorState shows which side is principal now.', 'Get-CsDatabaseMirrorState indique quel côté est principal.'),
    ],
    sections,
    notes: [
      tr('Pass -DatabaseType, -NewPrincipal and -PoolFqdn: all three are required. -NewPrincipal mirror when the primary failed, primary when the mirror failed. Add -Force if the current principal is inaccessible.', 'Indiquer -DatabaseType, -NewPrincipal et -PoolFqdn : les trois sont obligatoires. -NewPrincipal mirror si le principal a échoué, primary si le miroir a échoué. Ajouter -Force si le principal actuel est inaccessible.'),
      tr('SQL mirroring is Lync 2013 / SfB 2015 only; SfB 2019 uses AlwaysOn instead.', 'Le miroir SQL concerne Lync 2013 / SfB 2015 ; SfB 2019 utilise AlwaysOn.'),
    ],
    errata: [
      tr('ERRATUM: Invoke-CsDatabaseFailover Example 2 uses -ExcludeDatabase, which does not exist; the parameter is -ExcludeDatabaseList.', 'ERRATUM : l’exemple 2 de Invoke-CsDatabaseFailover utilise -ExcludeDatabase, qui n’existe pas ; le paramètre est -ExcludeDatabaseList.'),
      tr('Get-CsDatabaseMirrorState lists CMS, not CentralMgmt, as the Lync 2013 value; if CentralMgmt is refused, use CMS.', 'Get-CsDatabaseMirrorState indique CMS, et non CentralMgmt, comme valeur Lync 2013 ; si CentralMgmt est refusé, utiliser CMS.'),
    ],
    rollback: [tr('Once the failed server is back and resynchronised, run Invoke-CsDatabaseFailover again with the other -NewPrincipal.', 'Une fois le serveur réparé et resynchronisé, relancer Invoke-CsDatabaseFailover avec l’autre -NewPrincipal.')],
    refs: [REF, 'cmdlets/Invoke-CsDatabaseFailover.md', 'cmdlets/Get-CsDatabaseMirrorState.md', 'lync-server-2013-back-end-server-high-availability.md'],
  }, t.deployment, opts);
}

export const mirrorFailoverRunbook: RunbookSpec = {
  id: 'mirror-failover',
  title: { en: 'Failing over a mirrored Back End', fr: 'Basculement d’un serveur principal en miroir' },
  refs: [REF],
  applies: (t, opts) => (mirroredPools(t, opts.pools).length > 0 ? null : 'no Front End pool of this deployment has a mirrored Back End (declare mirrors under `mirrors:` in lyncdr.yaml if the topology does not say; an AlwaysOn or failover cluster Back End, and every SfB 2019 one, fails over in SQL Server: lyncdr plan db-failover --pool <pool> --type User prints the step)'),
  build,
};
