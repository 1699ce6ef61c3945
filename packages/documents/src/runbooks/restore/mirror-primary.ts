import { findPool, sqlArgs, sqlName, type Topology } from '@lyncdr/topology';
import type { Document } from '../../model';
import type { RunbookOptions, RunbookSpec } from '../spec';
import { pick } from '../common/lang';
import { runbookDocument, type RunbookSection } from '../common/procedure';
import { newServerStep, PREPARING, restorePreconditions, restoreRollback } from './common';
import { cmsNote, mirroredApplies, mirroredFacts, mirroredInstances } from './mirrored';

const REF = 'lync-server-2013-restoring-a-mirrored-enterprise-edition-back-end-server-primary.md';

function build(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const lang = opts.lang;
  const instances = mirroredInstances(t, opts.pools);
  const sections: RunbookSection[] = instances.map((m) => {
    const pool = findPool(t, m.pool);
    const fe = pool?.machines[0] ?? m.pool;
    return {
      heading: tr(`Primary ${sqlName(m.primary)} lost — mirror ${sqlName(m.mirror)} survives (pool ${m.pool})`, `Principal ${sqlName(m.primary)} perdu — le miroir ${sqlName(m.mirror)} subsiste (pool ${m.pool})`),
      steps: [
        {
          title: tr('Fail every database type of this server over to the mirror', 'Basculer chaque type de base de ce serveur vers le miroir'),
          body: m.witness
            ? tr(`A witness (${sqlName(m.witness)}) is configured: with synchronous mirroring the failover is automatic; run the commands only if the mirror is not yet principal.`, `Un témoin (${sqlName(m.witness)}) est configuré : avec la mise en miroir synchrone, le basculement est automatique ; n’exécutez les commandes que si le miroir n’est pas encore principal.`)
            : tr('From the Lync Server Management Shell on a Front End server of the pool:', 'Depuis Lync Server Management Shell sur un serveur frontal du pool :'),
          commands: m.types.map((type) => `Invoke-CsDatabaseFailover -PoolFqdn ${m.pool} -DatabaseType ${type} -NewPrincipal Mirror -Force -Verbose`),
          verify: tr(`Get-CsDatabaseMirrorState -PoolFqdn ${m.pool} -DatabaseType User shows the mirror as principal.`, `Get-CsDatabaseMirrorState -PoolFqdn ${m.pool} -DatabaseType User indique le miroir comme principal.`),
          on: fe,
          minutes: 10,
          ref: REF,
        },
        {
          title: tr('Make the surviving server the SQL Server store in Topology Builder', 'Désigner le serveur restant comme magasin SQL Server dans le Générateur de topologie'),
          body: tr(
            `Pool ${m.pool} > Edit Properties > General > Associations: clear Enable SQL Server store mirroring (and for Archiving and Monitoring if needed), OK, Publish. Then set SQL Server store to ${m.mirror.server}, OK, Publish. Then restart the services on every Front End server of the pool (${pool?.machines.join(', ') ?? m.pool}).`,
            `Pool ${m.pool} > Modifier les propriétés > Général > Associations : décochez Activer la mise en miroir du magasin SQL Server (ainsi que pour l’archivage et la surveillance si nécessaire), OK, Publier. Puis définissez le magasin SQL Server sur ${m.mirror.server}, OK, Publier. Redémarrez ensuite les services sur chaque serveur frontal du pool (${pool?.machines.join(', ') ?? m.pool}).`,
          ),
          commands: ['Stop-CsWindowsService', 'Start-CsWindowsService'],
          verify: tr('Users of the pool sign in; Get-CsWindowsService shows the services running on every Front End server.', 'Les utilisateurs du pool se connectent ; Get-CsWindowsService indique les services démarrés sur chaque serveur frontal.'),
          on: fe,
          minutes: 30,
          ref: REF,
        },
        {
          title: tr('Remove the mirroring of every database type', 'Supprimer la mise en miroir de chaque type de base'),
          commands: m.types.map((type) => `Uninstall-CsMirrorDatabase -DatabaseType ${type} ${sqlArgs(m.mirror)} -Verbose`),
          verify: tr('Each command ends without error.', 'Chaque commande se termine sans erreur.'),
          on: fe,
          minutes: 10,
          ref: REF,
        },
        newServerStep(lang, [m.primary.server], REF, true),
        {
          title: tr('Install the rebuilt server as the new mirror', 'Installer le serveur reconstruit comme nouveau miroir'),
          body: tr(
            `From a Front End server, Topology Builder: pool ${m.pool} > Edit Properties > General > Associations: select Enable SQL Server store mirroring (and for Archiving and Monitoring if needed) and set Mirroring SQL Server store to ${m.primary.server}, OK. Right-click Lync Server 2013 > Topology > Install Database; on Create databases select the databases to re-create, then Create Mirror Database.`,
            `Depuis un serveur frontal, Générateur de topologie : pool ${m.pool} > Modifier les propriétés > Général > Associations : cochez Activer la mise en miroir du magasin SQL Server (ainsi que pour l’archivage et la surveillance si nécessaire) et définissez le magasin SQL Server miroir sur ${m.primary.server}, OK. Clic droit sur Lync Server 2013 > Topologie > Installer la base de données ; sur Créer des bases de données, sélectionnez les bases à recréer, puis Créer une base de données miroir.`,
          ),
          verify: tr(`Get-CsDatabaseMirrorState -PoolFqdn ${m.pool} -DatabaseType User shows ${m.mirror.server} as principal and ${m.primary.server} as mirror, synchronized.`, `Get-CsDatabaseMirrorState -PoolFqdn ${m.pool} -DatabaseType User indique ${m.mirror.server} comme principal et ${m.primary.server} comme miroir, synchronisés.`),
          on: fe,
          minutes: 45,
          ref: REF,
        },
      ],
    };
  });
  return runbookDocument(
    {
      id: 'restore-mirror-primary',
      title: tr('Restore a mirrored Back End Server — primary lost', 'Restauration d’un serveur principal en miroir — principal perdu'),
      subtitle: instances.map((m) => sqlName(m.primary)).join(', '),
      purpose: [
        tr(
          'When only the primary of a mirrored Back End fails: fail the databases over to the mirror, make it the SQL Server store, remove mirroring, then rebuild the failed server with the same FQDN as the new mirror. Afterwards the roles are swapped: the former mirror stays principal.',
          'Lorsque seul le principal d’un serveur principal en miroir est en panne : basculer les bases vers le miroir, en faire le magasin SQL Server, supprimer la mise en miroir, puis reconstruire le serveur en panne avec le même FQDN comme nouveau miroir. Ensuite, les rôles sont inversés : l’ancien miroir reste principal.',
        ),
      ],
      facts: mirroredFacts(t, instances, lang),
      preconditions: [
        ...restorePreconditions(lang, { sql: true }),
        tr('The mirror is healthy and holds current data.', 'Le miroir est sain et contient des données à jour.'),
      ],
      sections,
      errata: [
        tr(
          'The Microsoft page names the same two servers BE1/BE2 in some steps and DB1/DB2 in others; this runbook uses this deployment’s real FQDNs throughout. It also writes Invoke-CsDataBaseFailover; the cmdlet is Invoke-CsDatabaseFailover (PowerShell ignores case).',
          'La page Microsoft nomme les deux mêmes serveurs BE1/BE2 dans certaines étapes et DB1/DB2 dans d’autres ; ce runbook utilise partout les FQDN réels de ce déploiement. Elle écrit aussi Invoke-CsDataBaseFailover ; l’applet de commande est Invoke-CsDatabaseFailover (PowerShell ne tient pas compte de la casse).',
        ),
      ],
      notes: [
        cmsNote(lang),
        tr(
          'The database types come from this deployment’s stores on the instance. The Lync Server 2013 list of Get-CsDatabaseMirrorState names CMS and App where the procedures write CentralMgmt and Application.',
          'Les types de base proviennent des magasins de ce déploiement sur l’instance. La liste Lync Server 2013 de Get-CsDatabaseMirrorState indique CMS et App là où les procédures écrivent CentralMgmt et Application.',
        ),
      ],
      rollback: restoreRollback(lang),
      refs: [REF, PREPARING, 'cmdlets/Invoke-CsDatabaseFailover.md', 'cmdlets/Uninstall-CsMirrorDatabase.md', 'cmdlets/Get-CsDatabaseMirrorState.md'],
    },
    t.deployment,
    opts,
  );
}

/** Restore a mirrored Enterprise Edition Back End Server when the primary is lost (REFERENCE §c.4). */
export const restoreMirrorPrimaryRunbook: RunbookSpec = {
  id: 'restore-mirror-primary',
  title: { en: 'Restore a mirrored Back End Server — primary lost', fr: 'Restauration d’un serveur principal en miroir — principal perdu' },
  refs: [REF, PREPARING],
  applies: (t, opts) => mirroredApplies(t, opts.pools),
  build,
};
