import type { Inventory } from '@lyncdr/domain';
import { fileStoreOf, findPool, sameInstance, sqlArgs, sqlName, type SqlStore, type Topology } from '@lyncdr/topology';
import { step, type RestoreScenario, type ScenarioStep } from './restore-model';
import { deploymentWizardStep, downloadTopologyStep, fileOf, newServerSteps, rgsStep, userDataSteps } from './restore-steps';

/** Database types for Invoke-CsDatabaseFailover / Uninstall-CsMirrorDatabase (cmdlets/Invoke-CsDatabaseFailover.md). */
const DB_TYPE: Partial<Record<SqlStore['kind'], string>> = {
  BackEnd: 'User',
  Application: 'Application',
  CentralManagement: 'CentralMgmt',
  Archiving: 'Archiving',
  Monitoring: 'Monitoring',
};

/** Database types configured on one SQL instance, in the order the pages use (User first). */
function typesOn(t: Topology, store: SqlStore): string[] {
  const order = Object.values(DB_TYPE);
  const types = t.sqlStores.filter((s) => sameInstance(s, store)).map((s) => DB_TYPE[s.kind]).filter((x): x is string => !!x);
  return [...new Set(types)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

function managementShell(on: string): ScenarioStep {
  return step(
    'From an account in RTCUniversalServerAdmins, log on to a Front End Server and start the Lync Server Management Shell.',
    'Avec un compte membre de RTCUniversalServerAdmins, ouvrez une session sur un serveur frontal et démarrez Lync Server Management Shell.',
    null,
    on,
  );
}

/**
 * An AlwaysOn back end: the store's SQL Server is the Availability Group listener, so a restore rebuilds the replicas,
 * the group and its listener first, and ends by updating the databases on each replica in turn
 * (docs-sfb/alwayson-availability-group.md: listener on port 1433, the SQL Server FQDN in Topology Builder is the
 * listener, ReportServer / ReportServerTempDB / Persistent Chat databases stay out of the group, "fail over the group
 * to a secondary replica, then use Install-CsDatabase -Update" for each replica).
 */
function alwaysOnSteps(store: SqlStore | undefined, on: string, inv: Inventory): { rebuild: ScenarioStep[]; after: ScenarioStep[] } | null {
  if (store?.haType !== 'alwayson') return null;
  const l = store.server;
  const instance = store.instance ?? 'default instance';
  const instanceFr = store.instance ?? 'instance par défaut';
  return {
    rebuild: [
      step(
        `${l} is the listener of an AlwaysOn Availability Group, not a server: rebuild every lost replica (operating system, certificates, SQL Server with the same instance name ${instance} and logins), then the group and its listener ${l} (port 1433).`,
        `${l} est l’écouteur d’un groupe de disponibilité AlwaysOn, pas un serveur : reconstruisez chaque réplica perdu (système d’exploitation, certificats, SQL Server avec le même nom d’instance ${instanceFr} et les mêmes connexions), puis le groupe et son écouteur ${l} (port 1433).`,
      ),
    ],
    after: [
      inv.items.some((i) => i.category === 'persistentchat')
        ? step(
            'Add the re-created databases to the Availability Group (not ReportServer, ReportServerTempDB or Persistent Chat databases).',
            'Ajoutez les bases de données recréées au groupe de disponibilité (sauf ReportServer, ReportServerTempDB et les bases de données de conversation permanente).',
          )
        : step(
            'Add the re-created databases to the Availability Group (not ReportServer or ReportServerTempDB).',
            'Ajoutez les bases de données recréées au groupe de disponibilité (sauf ReportServer et ReportServerTempDB).',
          ),
      step(
        'Fail the Availability Group over to each secondary replica in turn and, on each, update the databases.',
        'Basculez le groupe de disponibilité vers chaque réplica secondaire tour à tour et, sur chacun, mettez à jour les bases de données.',
        'Install-CsDatabase -Update',
        on,
      ),
    ],
  };
}

/** c.1 Standard Edition server not hosting the CMS [lync-server-2013-restoring-a-standard-edition-server.md]. */
export function standardEditionScenarios(t: Topology, inv: Inventory): RestoreScenario[] {
  return t.pools
    .filter((p) => p.kind === 'StandardEdition' && t.cms?.pool !== p.fqdn)
    .map((p) => {
      const fs = fileStoreOf(t, p.fqdn);
      const pc = t.sqlStores.find((s) => s.kind === 'PersistentChat' && s.server === p.fqdn && inv.items.some((i) => i.id === `sql:mgc@${sqlName(s)}`));
      return {
        id: `restore-se:${p.fqdn}`,
        section: 'c.1',
        title: { en: `Standard Edition server ${p.fqdn}`, fr: `Serveur Standard Edition ${p.fqdn}` },
        subject: p.fqdn,
        pool: p.fqdn,
        ref: 'lync-server-2013-restoring-a-standard-edition-server.md',
        referenceRto: null,
        files: [fileOf(inv, `export:userdata@${p.fqdn}`), fileOf(inv, `export:rgs@${p.fqdn}`)],
        steps: [
          ...newServerSteps(p.fqdn, true),
          step(
            `Copy the file store from $Backup to ${fs?.unc ?? 'the same path'} (identical path and name) and share the folder.`,
            `Copiez le magasin de fichiers depuis $Backup vers ${fs?.unc ?? 'le même emplacement'} (chemin et nom identiques), puis partagez le dossier.`,
            null,
            p.fqdn,
          ),
          downloadTopologyStep(),
          deploymentWizardStep(p.fqdn),
          ...userDataSteps(inv, p.fqdn),
          rgsStep(inv, p.fqdn),
          ...(pc
            ? [step('Restore the Persistent Chat database (mgc) with the method used to back it up.', 'Restaurez la base de données de conversation permanente (mgc) avec la méthode utilisée pour la sauvegarder.', `Import-CsPersistentChatData -DBInstance "${sqlName(pc)}" -FileName "${fileOf(inv, `sql:mgc@${sqlName(pc)}`)}"`, p.fqdn)]
            : []),
        ],
      };
    });
}

/** c.2 The server hosting the Central Management store [lync-server-2013-restoring-the-server-hosting-the-central-management-store.md]. */
export function cmsScenario(t: Topology, inv: Inventory): RestoreScenario[] {
  if (!t.cms) return [];
  const { sqlServer, instance, pool } = t.cms;
  const se = findPool(t, pool)?.kind === 'StandardEdition';
  const fe = findPool(t, pool)?.machines[0] ?? pool;
  const fs = fileStoreOf(t, pool);
  const ag = alwaysOnSteps(
    t.sqlStores.find((st) => st.kind === 'CentralManagement' && sameInstance(st, { server: sqlServer, instance })),
    fe,
    inv,
  );
  const sqlSetup = se
    ? [
        step(`Copy the file store from $Backup to ${fs?.unc ?? 'the same path'} and share it.`, `Copiez le magasin de fichiers depuis $Backup vers ${fs?.unc ?? 'le même emplacement'} et partagez-le.`, null, sqlServer),
        step('Deployment Wizard: Prepare first Standard Edition server.', 'Assistant Déploiement : Préparer le premier serveur Standard Edition.', null, sqlServer),
      ]
    : [step(`Install SQL Server with the same instance name (${instance ?? 'default instance'}), logins and permissions.`, `Installez SQL Server avec le même nom d’instance (${instance ?? 'instance par défaut'}), les mêmes connexions et autorisations.`, null, sqlServer)];
  return [
    {
      id: `restore-cms:${sqlServer}`,
      section: 'c.2',
      title: { en: `Server hosting the Central Management store: ${sqlServer}`, fr: `Serveur hébergeant le magasin central de gestion : ${sqlServer}` },
      subject: sqlServer,
      pool,
      ref: 'lync-server-2013-restoring-the-server-hosting-the-central-management-store.md',
      referenceRto: null,
      files: [fileOf(inv, 'export:configuration@global'), fileOf(inv, 'export:lis@global'), fileOf(inv, `export:userdata@${pool}`), fileOf(inv, `export:rgs@${pool}`)],
      steps: [
        step(
          'Confirm where the Central Management store is (Topology Builder, Lync Server node, Central Management Server). If its Back End is mirrored and the mirror works, back up the mirror and restore both primary and mirror from that backup.',
          'Vérifiez où se trouve le magasin central de gestion (Générateur de topologie, nœud Lync Server, Serveur de gestion central). Si son serveur principal est mis en miroir et que le miroir fonctionne, sauvegardez le miroir et restaurez le principal et le miroir à partir de cette sauvegarde.',
          'Get-CsService -CentralManagement',
        ),
        ...(ag ? ag.rebuild : [...newServerSteps(sqlServer, true), ...sqlSetup]),
        managementShell(fe),
        step('Create a clean Central Management store database.', 'Créez une base de données vierge du magasin central de gestion.', `Install-CsDatabase -CentralManagementDatabase -Clean ${sqlArgs({ server: sqlServer, instance })} -Verbose`, fe),
        step('Point Active Directory at the store.', 'Indiquez l’emplacement du magasin dans Active Directory.', `Set-CsConfigurationStoreLocation ${sqlArgs({ server: sqlServer, instance })} -Verbose`, fe),
        step('Import the configuration backup.', 'Importez la sauvegarde de la configuration.', `Import-CsConfiguration -FileName "${fileOf(inv, 'export:configuration@global')}"`, fe),
        step('Enable the topology.', 'Activez la topologie.', 'Enable-CsTopology', fe),
        se
          ? deploymentWizardStep(sqlServer)
          : step(
              'Topology Builder: download the topology, right-click Lync Server 2013, Install Database, select the stand-alone databases; for a mirrored Back End continue to Create Mirror Database.',
              'Générateur de topologie : téléchargez la topologie, cliquez avec le bouton droit sur Lync Server 2013, Installer la base de données, sélectionnez les bases de données autonomes ; pour un serveur principal mis en miroir, continuez jusqu’à Créer une base de données miroir.',
            ),
        ...(ag?.after ?? []),
        ...userDataSteps(inv, pool),
        step('Restore the E9-1-1 location configuration.', 'Restaurez la configuration des emplacements E9-1-1.', `Import-CsLisConfiguration -FileName "${fileOf(inv, 'export:lis@global')}"`, fe),
        rgsStep(inv, pool),
        step('If Archiving or Monitoring databases were on this server, restore them (see their scenario).', 'Si des bases de données d’archivage ou de surveillance se trouvaient sur ce serveur, restaurez-les (voir leur scénario).'),
      ],
    },
  ];
}

/** c.3 Enterprise Edition Back End, not hosting the CMS [lync-server-2013-restoring-an-enterprise-edition-back-end-server.md]. */
export function backEndScenarios(t: Topology, inv: Inventory): RestoreScenario[] {
  return t.sqlStores
    .filter((s) => s.kind === 'BackEnd' && !(t.cms && sameInstance({ server: t.cms.sqlServer, instance: t.cms.instance }, s)))
    .filter((s) => s.pools.some((p) => findPool(t, p)?.kind === 'FrontEnd'))
    .map((s) => {
      const pool = findPool(t, s.pools[0]!)?.fqdn ?? s.pools[0]!;
      const ag = alwaysOnSteps(s, findPool(t, pool)?.machines[0] ?? pool, inv);
      const what = s.mirror
        ? { en: 'primary and mirror lost', fr: 'principal et miroir perdus' }
        : s.haType === 'alwayson'
          ? { en: 'AlwaysOn Availability Group listener, every replica lost', fr: 'écouteur d’un groupe de disponibilité AlwaysOn, tous les réplicas perdus' }
          : { en: 'not mirrored', fr: 'non mis en miroir' };
      return {
        id: `restore-be:${s.server}`,
        section: 'c.3',
        title: { en: `Enterprise Edition Back End Server ${s.server} (${what.en})`, fr: `Serveur principal Enterprise Edition ${s.server} (${what.fr})` },
        subject: s.server,
        pool,
        ref: 'lync-server-2013-restoring-an-enterprise-edition-back-end-server.md',
        referenceRto: null,
        files: [fileOf(inv, `export:userdata@${pool}`), fileOf(inv, `export:rgs@${pool}`)],
        steps: [
          ...(ag
            ? ag.rebuild
            : [
                ...newServerSteps(s.server, false),
                step(`Install SQL Server with the same instance name (${s.instance ?? 'default instance'}) and logins.`, `Installez SQL Server avec le même nom d’instance (${s.instance ?? 'instance par défaut'}) et les mêmes connexions.`, null, s.server),
              ]),
          step(
            'Topology Builder: download the topology, right-click Lync Server 2013, Publish Topology; on Create databases select the databases to re-create' + (s.mirror ? ', then continue to Create Mirror Database.' : '.'),
            'Générateur de topologie : téléchargez la topologie, cliquez avec le bouton droit sur Lync Server 2013, Publier la topologie ; dans Créer des bases de données, sélectionnez les bases à recréer' + (s.mirror ? ', puis continuez jusqu’à Créer une base de données miroir.' : '.'),
          ),
          ...(ag?.after ?? []),
          ...userDataSteps(inv, pool),
          rgsStep(inv, pool),
          step('If Archiving or Monitoring databases were on this server, restore them (see their scenario).', 'Si des bases de données d’archivage ou de surveillance se trouvaient sur ce serveur, restaurez-les (voir leur scénario).'),
        ],
      };
    });
}

/**
 * c.4 and c.5: a mirrored Back End that lost only its primary or only its mirror
 * [lync-server-2013-restoring-a-mirrored-enterprise-edition-back-end-server-primary.md, …-mirror.md].
 * The mirror page writes `Uninstall -CsMirrorDatabase` with a stray space (erratum); the cmdlet is Uninstall-CsMirrorDatabase.
 */
export function mirrorScenarios(t: Topology): RestoreScenario[] {
  const out: RestoreScenario[] = [];
  for (const s of t.sqlStores.filter((x) => x.kind === 'BackEnd' && x.mirror)) {
    const mirror = s.mirror!;
    const owner = s.pools[0] ? findPool(t, s.pools[0]) : undefined;
    const pool = owner?.fqdn ?? s.pools[0] ?? s.server;
    const fe = owner?.machines[0] ?? pool;
    const types = typesOn(t, s);
    out.push({
      id: `restore-be-primary:${s.server}`,
      section: 'c.4',
      title: { en: `Mirrored Back End: primary ${s.server} lost (mirror ${mirror.server} works)`, fr: `Serveur principal mis en miroir : principal ${s.server} perdu (le miroir ${mirror.server} fonctionne)` },
      subject: s.server,
      pool,
      ref: 'lync-server-2013-restoring-a-mirrored-enterprise-edition-back-end-server-primary.md',
      referenceRto: { minutes: 5, ref: 'lync-server-2013-back-end-server-high-availability.md' },
      files: [],
      steps: [
        managementShell(fe),
        ...types.map((type) =>
          step(
            `Fail the ${type} databases over to the mirror (automatic when a witness is configured).`,
            `Basculez les bases de données ${type} vers le miroir (automatique si un témoin est configuré).`,
            `Invoke-CsDatabaseFailover -PoolFqdn ${pool} -DatabaseType ${type} -NewPrincipal Mirror -Force -Verbose`,
            fe,
          ),
        ),
        step(
          `Topology Builder: pool ${pool}, Edit Properties, clear Enable SQL Server store mirroring, Publish; set SQL Server store to ${mirror.server}, Publish.`,
          `Générateur de topologie : pool ${pool}, Modifier les propriétés, désactivez la mise en miroir du magasin SQL Server, Publier ; définissez le magasin SQL Server sur ${mirror.server}, Publier.`,
        ),
        step('On each Front End Server of the pool: stop the services.', 'Sur chaque serveur frontal du pool : arrêtez les services.', 'Stop-CsWindowsService', pool),
        step('On each Front End Server of the pool: start the services.', 'Sur chaque serveur frontal du pool : démarrez les services.', 'Start-CsWindowsService', pool),
        ...types.map((type) =>
          step(`Remove mirroring of the ${type} databases.`, `Supprimez la mise en miroir des bases de données ${type}.`, `Uninstall-CsMirrorDatabase -DatabaseType ${type} ${sqlArgs(mirror)} -Verbose`, fe),
        ),
        ...newServerSteps(s.server, false),
        step(`Install SQL Server with the same instance name (${s.instance ?? 'default instance'}).`, `Installez SQL Server avec le même nom d’instance (${s.instance ?? 'instance par défaut'}).`, null, s.server),
        step(
          `Topology Builder: enable mirroring again with ${s.server} as the Mirroring SQL Server store, Install Database, Create Mirror Database.`,
          `Générateur de topologie : réactivez la mise en miroir avec ${s.server} comme magasin SQL Server miroir, Installer la base de données, Créer une base de données miroir.`,
        ),
      ],
    });
    out.push({
      id: `restore-be-mirror:${mirror.server}`,
      section: 'c.5',
      title: { en: `Mirrored Back End: mirror ${mirror.server} lost`, fr: `Serveur principal mis en miroir : miroir ${mirror.server} perdu` },
      subject: mirror.server,
      pool,
      ref: 'lync-server-2013-restoring-a-mirrored-enterprise-edition-back-end-server-mirror.md',
      referenceRto: null,
      files: [],
      steps: [
        managementShell(fe),
        ...types.map((type) =>
          step(`Remove mirroring of the ${type} databases.`, `Supprimez la mise en miroir des bases de données ${type}.`, `Uninstall-CsMirrorDatabase -DatabaseType ${type} ${sqlArgs(s)} -Verbose`, fe),
        ),
        ...newServerSteps(mirror.server, false),
        step(`Install SQL Server with the same instance name (${mirror.instance ?? 'default instance'}).`, `Installez SQL Server avec le même nom d’instance (${mirror.instance ?? 'instance par défaut'}).`, null, mirror.server),
        step('Topology Builder: Install Database, select the databases, Create Mirror Database.', 'Générateur de topologie : Installer la base de données, sélectionnez les bases, Créer une base de données miroir.'),
      ],
    });
  }
  return out;
}
