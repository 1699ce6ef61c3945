import type { Inventory } from '@lyncdr/domain';
import { findPool, isUserPool, sqlName, type Topology } from '@lyncdr/topology';
import { step, type RestoreScenario } from './restore-model';
import { deploymentWizardStep, fileOf, newServerSteps, rgsStep } from './restore-steps';

/** Pool kinds in words (Microsoft's French: pool de serveurs frontaux, pool de serveurs Edge, pool directeur…). */
const KIND_WORDS: Record<string, { en: string; fr: string }> = {
  FrontEnd: { en: 'Front End pool', fr: 'pool de serveurs frontaux' },
  Edge: { en: 'Edge pool', fr: 'pool de serveurs Edge' },
  Director: { en: 'Director pool', fr: 'pool directeur' },
  Mediation: { en: 'Mediation pool', fr: 'pool de serveurs de médiation' },
  PersistentChat: { en: 'Persistent Chat pool', fr: 'pool de serveurs de conversation permanente' },
};

/**
 * c.6 A pool member (Front End, Edge, Director, Mediation, Persistent Chat) [lync-server-2013-restoring-an-enterprise-edition-member-server.md];
 * Edge Servers import the configuration locally [lync-server-2013-performing-and-monitoring-backups.md, cmdlets/Import-CsConfiguration.md].
 */
export function memberScenarios(t: Topology, inv: Inventory): RestoreScenario[] {
  return t.pools
    .filter((p) => ['FrontEnd', 'Edge', 'Director', 'Mediation', 'PersistentChat'].includes(p.kind))
    .filter((p) => p.kind !== 'PersistentChat' || inv.notBackedUp.some((n) => n.key === 'pool-config' && n.host === p.fqdn))
    .map((p) => {
      const edge = p.kind === 'Edge';
      const members = p.machines.join(', ') || p.fqdn;
      return {
        id: `restore-member:${p.fqdn}`,
        section: 'c.6',
        title: { en: `A member server of ${KIND_WORDS[p.kind]!.en} ${p.fqdn}`, fr: `Un serveur membre du ${KIND_WORDS[p.kind]!.fr} ${p.fqdn}` },
        subject: members,
        pool: p.fqdn,
        ref: 'lync-server-2013-restoring-an-enterprise-edition-member-server.md',
        referenceRto: null,
        files: edge ? [fileOf(inv, 'export:configuration@global')] : [],
        steps: [
          ...newServerSteps(p.machines.length === 1 ? p.machines[0]! : p.fqdn, false, p.machines),
          ...(edge
            ? [
                step(
                  'Copy the configuration export to the Edge Server and import it into the local store during Step 1.',
                  'Copiez l’exportation de la configuration sur le serveur Edge et importez-la dans le magasin local pendant l’étape 1.',
                  `Import-CsConfiguration -FileName "${fileOf(inv, 'export:configuration@global')}" -LocalStore`,
                  p.fqdn,
                ),
              ]
            : []),
          deploymentWizardStep(p.fqdn),
          step('Repeat for every failed server of the pool.', 'Répétez pour chaque serveur défaillant du pool.'),
        ],
      };
    });
}

/** c.7 A whole pool [lync-server-2013-restoring-a-lync-server-pool.md]; a paired pool is failed over first (REFERENCE §e.1). */
export function wholePoolScenarios(t: Topology): RestoreScenario[] {
  return t.pools
    .filter(isUserPool)
    .map((p) => ({
      id: `restore-pool:${p.fqdn}`,
      section: 'c.7',
      title: { en: `Whole pool ${p.fqdn}`, fr: `Pool entier ${p.fqdn}` },
      subject: p.fqdn,
      pool: p.fqdn,
      ref: 'lync-server-2013-restoring-a-lync-server-pool.md',
      referenceRto: p.backupPool ? { minutes: 30, ref: 'lync-server-2013-recovery-time-for-pool-failover-and-pool-failback.md' } : null,
      files: [],
      steps: [
        ...(p.backupPool
          ? [
              step(
                `Paired with ${p.backupPool}: fail the pool over first with the runbook "lyncdr runbook pool-failover" (Central Management store and Edge next hop first when they depend on ${p.fqdn}; -PoolFqdn always names ${p.fqdn}, the pool that suffered the disaster).`,
                `Couplé avec ${p.backupPool} : effectuez d’abord le basculement du pool avec la procédure « lyncdr runbook pool-failover » (magasin central de gestion et tronçon suivant Edge d’abord s’ils dépendent de ${p.fqdn} ; -PoolFqdn désigne toujours ${p.fqdn}, le pool sinistré).`,
                null,
                p.backupPool,
              ),
            ]
          : []),
        step(
          'Restore the Back End Server first (scenario of the server hosting the Central Management store, or of the Back End Server).',
          'Restaurez d’abord le serveur principal (scénario du serveur hébergeant le magasin central de gestion, ou du serveur principal).',
        ),
        step('Then restore each Front End Server (member server scenario).', 'Restaurez ensuite chaque serveur frontal (scénario du serveur membre).'),
        ...(p.backupPool
          ? [
              step(
                'If the pool cannot be recovered, rebuild it under a new FQDN (ABC procedure, "lyncdr runbook abc-rebuild").',
                'Si le pool ne peut pas être récupéré, reconstruisez-le sous un nouveau nom de domaine complet (procédure ABC, « lyncdr runbook abc-rebuild »).',
              ),
            ]
          : []),
      ],
    }));
}

/** c.8 A file store [lync-server-2013-restoring-a-file-store.md]. */
export function fileStoreScenarios(t: Topology): RestoreScenario[] {
  return t.fileStores.map((fs) => ({
    id: `restore-filestore:${fs.unc}`,
    section: 'c.8',
    title: { en: `File store ${fs.unc}`, fr: `Magasin de fichiers ${fs.unc}` },
    subject: fs.unc,
    pool: fs.pools[0] ?? null,
    ref: 'lync-server-2013-restoring-a-file-store.md',
    referenceRto: null,
    files: ['$Backup\\filestore'],
    steps: [
      step(
        `Copy the file store from $Backup\\filestore back to ${fs.server}, same path and share name (${fs.share}).`,
        `Recopiez le magasin de fichiers depuis $Backup\\filestore vers ${fs.server}, avec le même chemin et le même nom de partage (${fs.share}).`,
        null,
        fs.server,
      ),
      step(`Share the folder as ${fs.unc}.`, `Partagez le dossier sous ${fs.unc}.`, null, fs.server),
      step('If Topology Builder has not been run, reset the permissions.', 'Si le Générateur de topologie n’a pas été exécuté, réinitialisez les autorisations.', 'Enable-CsTopology'),
      ...(fs.pools.some((p) => findPool(t, p)?.backupPool)
        ? [step('Conference content can be re-synchronized from the paired pool (runbook "lyncdr runbook conference-content").', 'Le contenu des conférences peut être resynchronisé à partir du pool couplé (procédure « lyncdr runbook conference-content »).')]
        : []),
    ],
  }));
}

/** c.9 Monitoring or Archiving data [lync-server-2013-restoring-monitoring-or-archiving-data.md]. */
export function monitoringArchivingScenarios(t: Topology): RestoreScenario[] {
  return t.sqlStores
    .filter((s) => s.kind === 'Archiving' || s.kind === 'Monitoring')
    .map((s) => {
      const dbs = s.databases.length ? s.databases : s.kind === 'Archiving' ? ['LcsLog'] : ['LcsCDR', 'QoEMetrics'];
      return {
        id: `restore-sql:${s.id}`,
        section: 'c.9',
        title: { en: `${s.kind} data on ${sqlName(s)}`, fr: `Données ${s.kind === 'Archiving' ? 'd’archivage' : 'de surveillance'} sur ${sqlName(s)}` },
        subject: sqlName(s),
        pool: s.pools[0] ?? null,
        ref: 'lync-server-2013-restoring-monitoring-or-archiving-data.md',
        referenceRto: null,
        files: [],
        steps: [
          step('Make sure the empty databases were re-created (Topology Builder or Install-CsDatabase).', 'Vérifiez que les bases de données vides ont été recréées (Générateur de topologie ou Install-CsDatabase).'),
          ...dbs.map((db) =>
            step(
              `SQL Server Management Studio: Databases, Restore Database, To database ${db}, From device, select the backup set, check the data and log file paths.`,
              `SQL Server Management Studio : Bases de données, Restaurer la base de données, Vers la base de données ${db}, À partir de l’unité, sélectionnez le jeu de sauvegarde, vérifiez les chemins des fichiers de données et de journal.`,
              null,
              sqlName(s),
            ),
          ),
          step('Security, Users: check that RTCComponentUniversalServices exists with the ServerRole database role; add it if missing.', 'Sécurité, Utilisateurs : vérifiez que RTCComponentUniversalServices existe avec le rôle de base de données ServerRole ; ajoutez-le s’il manque.', null, sqlName(s)),
        ],
      };
    });
}

/**
 * c.10 Persistent Chat data [lync-server-2013-restoring-persistent-chat-data.md], for each store the inventory lists
 * (none for a Skype for Business Server 2019 pool, which has no Persistent Chat: docs-sfb/SfBServer2019/deprecated.md).
 */
export function persistentChatScenarios(t: Topology, inv: Inventory): RestoreScenario[] {
  return t.sqlStores
    .filter((s) => s.kind === 'PersistentChat' && inv.items.some((i) => i.id === `sql:mgc@${sqlName(s)}`))
    .map((s) => {
      const i = sqlName(s);
      return {
        id: `restore-pchat:${i}`,
        section: 'c.10',
        title: { en: `Persistent Chat data on ${i}`, fr: `Données de conversation permanente sur ${i}` },
        subject: i,
        pool: s.pools[0] ?? null,
        ref: 'lync-server-2013-restoring-persistent-chat-data.md',
        referenceRto: null,
        files: [fileOf(inv, `sql:mgc@${i}`)],
        steps: [
          step('Restore with the method used for the backup. From a SQL Server backup: restore the mgc database with SQL Server.', 'Restaurez avec la méthode utilisée pour la sauvegarde. Depuis une sauvegarde SQL Server : restaurez la base de données mgc avec SQL Server.', null, i),
          step('From an Export-CsPersistentChatData file: import it.', 'Depuis un fichier d’Export-CsPersistentChatData : importez-le.', `Import-CsPersistentChatData -DBInstance "${i}" -FileName "${fileOf(inv, `sql:mgc@${i}`)}"`),
        ],
      };
    });
}

/** c.11 Response Group settings [lync-server-2013-restoring-response-group-settings.md]. */
export function rgsScenarios(t: Topology, inv: Inventory): RestoreScenario[] {
  return t.pools
    .filter(isUserPool)
    .map((p) => ({
      id: `restore-rgs:${p.fqdn}`,
      section: 'c.11',
      title: { en: `Response Group settings of ${p.fqdn}`, fr: `Paramètres Response Group de ${p.fqdn}` },
      subject: p.fqdn,
      pool: p.fqdn,
      ref: 'lync-server-2013-restoring-response-group-settings.md',
      referenceRto: null,
      files: [fileOf(inv, `export:rgs@${p.fqdn}`)],
      steps: [rgsStep(inv, p.fqdn)],
    }));
}
