import { backEndOf, sqlName, storesOf, type Pool, type Topology } from '@lyncdr/topology';
import type { Document } from '../../model';
import type { RunbookOptions, RunbookSpec } from '../spec';
import { ownerOf, responseGroupPools } from '../common/deployment';
import { tbd } from '../../text/index';
import { runbookLabels } from '../common/labels';
import { pick } from '../common/lang';
import { pickPools } from '../common/pools';
import { runbookDocument, type RunbookSection } from '../common/procedure';
import { importRgsStep, importUserDataStep, newServerStep, OVERVIEW, PREPARING, restorePreconditions, restoreRollback, setBackupStep } from './common';

const REF = 'lync-server-2013-restoring-an-enterprise-edition-back-end-server.md';

const fits = (t: Topology) => (p: Pool) => p.kind === 'FrontEnd' && backEndOf(t, p.fqdn) !== null && backEndOf(t, p.fqdn)!.server !== t.cms?.sqlServer;

function applies(t: Topology, opts: RunbookOptions): string | null {
  const cmsNamed = t.cms && opts.pools.some((p) => p.toLowerCase() === t.cms!.pool.toLowerCase()) && backEndOf(t, t.cms.pool)?.server === t.cms.sqlServer;
  if (cmsNamed) return `the Back End of ${t.cms!.pool} hosts the Central Management store: use the restore-cms runbook`;
  const r = pickPools(t, opts.pools, fits(t), 'Enterprise Edition Front End pool with a Back End that does not host the Central Management store');
  return typeof r === 'string' ? r : null;
}

function build(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const L = runbookLabels(opts.lang);
  const lang = opts.lang;
  const pools = pickPools(t, opts.pools, fits(t), 'Front End pool') as Pool[];
  const rgs = new Set(responseGroupPools(t).map((p) => p.fqdn));
  const sections: RunbookSection[] = [{ steps: [setBackupStep(t, lang, pools[0]?.machines[0] ?? null)] }];
  for (const pool of pools) {
    const be = backEndOf(t, pool.fqdn)!;
    const monitoring = storesOf(t, 'Archiving').concat(storesOf(t, 'Monitoring')).filter((s) => s.server === be.server);
    sections.push({
      heading: `${pool.fqdn} — ${sqlName(be)}`,
      steps: [
        newServerStep(lang, [be.server], REF, true),
        {
          title: tr('Re-create the databases with Topology Builder', 'Recréer les bases avec le Générateur de topologie'),
          body: tr(
            `From a Front End server: Topology Builder > download the topology > right-click Lync Server 2013 > Publish Topology; on Create databases select the databases to re-create on ${sqlName(be)} (stand-alone only)${be.mirror ? ', then continue to Create Mirror Database' : ''}, and finish. Install-CsDatabase and Install-CsMirrorDatabase do the same from the Management Shell.`,
            `Depuis un serveur frontal : Générateur de topologie > télécharger la topologie > clic droit sur Lync Server 2013 > Publier la topologie ; sur Créer des bases de données, sélectionnez les bases à recréer sur ${sqlName(be)} (bases autonomes uniquement)${be.mirror ? ', puis poursuivez jusqu’à Créer une base de données miroir' : ''}, et terminez. Install-CsDatabase et Install-CsMirrorDatabase font de même depuis Management Shell.`,
          ),
          verify: tr(`The wizard ends without error; ${be.databases.join(', ')} exist on ${sqlName(be)}.`, `L’Assistant se termine sans erreur ; ${be.databases.join(', ')} existent sur ${sqlName(be)}.`),
          on: pool.machines[0] ?? pool.fqdn,
          minutes: 30,
          ref: REF,
        },
        importUserDataStep(t, lang, pool, REF),
        ...(rgs.has(pool.fqdn) ? [importRgsStep(t, lang, pool.fqdn)] : []),
        ...(monitoring.length > 0
          ? [
              {
                title: tr('Restore the Archiving and Monitoring data on this Back End', 'Restaurer les données d’archivage et de surveillance de ce serveur principal'),
                body: tr('Follow the restore-monitoring-archiving runbook.', 'Suivez le runbook restore-monitoring-archiving.'),
                verify: tr('Reports show the restored history.', 'Les rapports affichent l’historique restauré.'),
                minutes: 60,
                ref: REF,
              },
            ]
          : []),
      ],
    });
  }
  return runbookDocument(
    {
      id: 'restore-back-end',
      title: tr('Restore an Enterprise Edition Back End Server', 'Restauration d’un serveur principal Enterprise Edition'),
      subtitle: pools.map((p) => p.fqdn).join(', '),
      purpose: [
        tr(
          'Rebuilds a failed Back End Server that does not host the Central Management store — not mirrored, or with both the primary and the mirror lost — then re-creates its databases and restores user data and Response Group settings.',
          'Reconstruit un serveur principal en panne qui n’héberge pas le magasin central de gestion — sans miroir, ou dont le principal et le miroir sont tous deux perdus — puis recrée ses bases et restaure les données utilisateur et les paramètres Response Group.',
        ),
      ],
      facts: [
        [L.facts.deployment, t.deployment ?? tbd(lang)],
        [L.facts.pools, pools.map((p) => `${p.fqdn} (${sqlName(backEndOf(t, p.fqdn)!)})`).join(', ')],
        [L.facts.owner, ownerOf(t, pools.map((p) => p.fqdn)) ?? { text: tbd(lang), style: 'blank' }],
      ],
      preconditions: restorePreconditions(lang, { sql: true }),
      sections,
      notes: [
        tr('If only the primary or only the mirror of a mirrored Back End failed, use restore-mirror-primary or restore-mirror instead.', 'Si seul le principal ou seul le miroir d’un serveur principal en miroir est en panne, utilisez plutôt restore-mirror-primary ou restore-mirror.'),
      ],
      rollback: restoreRollback(lang),
      refs: [REF, PREPARING, OVERVIEW, 'lync-server-2013-restoring-response-group-settings.md', 'lync-server-2013-restoring-monitoring-or-archiving-data.md'],
    },
    t.deployment,
    opts,
  );
}

/** Restore an Enterprise Edition Back End Server (REFERENCE §c.3). */
export const restoreBackEndRunbook: RunbookSpec = {
  id: 'restore-back-end',
  title: { en: 'Restore an Enterprise Edition Back End Server', fr: 'Restauration d’un serveur principal Enterprise Edition' },
  refs: [REF, PREPARING],
  applies,
  build,
};
