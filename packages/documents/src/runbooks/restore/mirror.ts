import { findPool, sqlArgs, sqlName, type Topology } from '@lyncdr/topology';
import type { Document } from '../../model';
import type { RunbookOptions, RunbookSpec } from '../spec';
import { pick } from '../common/lang';
import { runbookDocument, type RunbookSection } from '../common/procedure';
import { newServerStep, PREPARING, restorePreconditions, restoreRollback } from './common';
import { cmsNote, mirroredApplies, mirroredFacts, mirroredInstances } from './mirrored';

const REF = 'lync-server-2013-restoring-a-mirrored-enterprise-edition-back-end-server-mirror.md';

function build(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const lang = opts.lang;
  const instances = mirroredInstances(t, opts.pools);
  const sections: RunbookSection[] = instances.map((m) => {
    const fe = findPool(t, m.pool)?.machines[0] ?? m.pool;
    return {
      heading: tr(`Mirror ${sqlName(m.mirror)} lost — primary ${sqlName(m.primary)} (pool ${m.pool})`, `Miroir ${sqlName(m.mirror)} perdu — principal ${sqlName(m.primary)} (pool ${m.pool})`),
      steps: [
        {
          title: tr('Remove the mirroring of every database type', 'Supprimer la mise en miroir de chaque type de base'),
          body: tr('From the Lync Server Management Shell on a Front End server of the pool:', 'Depuis Lync Server Management Shell sur un serveur frontal du pool :'),
          commands: m.types.map((type) => `Uninstall-CsMirrorDatabase -DatabaseType ${type} ${sqlArgs(m.primary)} -Verbose`),
          verify: tr('Each command ends without error.', 'Chaque commande se termine sans erreur.'),
          on: fe,
          minutes: 10,
          ref: REF,
        },
        newServerStep(lang, [m.mirror.server], REF, true),
        {
          title: tr('Install the mirror databases again', 'Réinstaller les bases miroir'),
          body: tr(
            `From a Front End server, Topology Builder: right-click Lync Server 2013 > Topology > Install Database; select the databases, then Create Mirror Database on ${sqlName(m.mirror)}. Install-CsMirrorDatabase does the same from the Management Shell.`,
            `Depuis un serveur frontal, Générateur de topologie : clic droit sur Lync Server 2013 > Topologie > Installer la base de données ; sélectionnez les bases, puis Créer une base de données miroir sur ${sqlName(m.mirror)}. Install-CsMirrorDatabase fait de même depuis Management Shell.`,
          ),
          verify: tr(`Get-CsDatabaseMirrorState -PoolFqdn ${m.pool} -DatabaseType User shows ${m.primary.server} as principal and ${m.mirror.server} as mirror, synchronized.`, `Get-CsDatabaseMirrorState -PoolFqdn ${m.pool} -DatabaseType User indique ${m.primary.server} comme principal et ${m.mirror.server} comme miroir, synchronisés.`),
          on: fe,
          minutes: 45,
          ref: REF,
        },
      ],
    };
  });
  return runbookDocument(
    {
      id: 'restore-mirror',
      title: tr('Restore a mirrored Back End Server — mirror lost', 'Restauration d’un serveur principal en miroir — miroir perdu'),
      subtitle: instances.map((m) => sqlName(m.mirror)).join(', '),
      purpose: [
        tr(
          'When only the mirror of a mirrored Back End fails: remove mirroring, rebuild the mirror server with the same FQDN and SQL instance names, and create the mirror databases again. The primary keeps serving the pool throughout.',
          'Lorsque seul le miroir d’un serveur principal en miroir est en panne : supprimer la mise en miroir, reconstruire le serveur miroir avec le même FQDN et les mêmes noms d’instance SQL, puis recréer les bases miroir. Le principal continue de servir le pool pendant toute l’opération.',
        ),
      ],
      facts: mirroredFacts(t, instances, lang),
      preconditions: restorePreconditions(lang, { sql: true }),
      sections,
      errata: [
        tr(
          'The Microsoft page writes "Uninstall -CsMirrorDatabase" with a stray space, which PowerShell would not run; the cmdlet is Uninstall-CsMirrorDatabase.',
          'La page Microsoft écrit « Uninstall -CsMirrorDatabase » avec une espace en trop, que PowerShell n’exécuterait pas ; l’applet de commande est Uninstall-CsMirrorDatabase.',
        ),
      ],
      notes: [
        cmsNote(lang),
      ],
      rollback: restoreRollback(lang),
      refs: [REF, PREPARING, 'cmdlets/Uninstall-CsMirrorDatabase.md', 'cmdlets/Install-CsMirrorDatabase.md', 'cmdlets/Get-CsDatabaseMirrorState.md'],
    },
    t.deployment,
    opts,
  );
}

/** Restore a mirrored Enterprise Edition Back End Server when the mirror is lost (REFERENCE §c.5). */
export const restoreMirrorRunbook: RunbookSpec = {
  id: 'restore-mirror',
  title: { en: 'Restore a mirrored Back End Server — mirror lost', fr: 'Restauration d’un serveur principal en miroir — miroir perdu' },
  refs: [REF, PREPARING],
  applies: (t, opts) => mirroredApplies(t, opts.pools),
  build,
};
