import { backupFileName } from '@lyncdr/domain';
import { isUserPool, sqlName, storesOf, userPools, type Topology } from '@lyncdr/topology';
import type { Document, Text } from '../model';
import type { RunbookOptions, RunbookSpec } from './spec';
import { backupFolder, backupRoot, fileStoreCopyPath, inBackup, NOT_BACKED_UP, ownerOf, q, responseGroupPools, uniq } from './common/deployment';
import { tbd } from '../text/index';
import { runbookLabels } from './common/labels';
import { pick } from './common/lang';
import { pickPools } from './common/pools';
import { runbookDocument, type RunbookSection, type RunbookStep } from './common/procedure';

const CORE = 'lync-server-2013-backing-up-core-data-and-settings.md';
const FILES = 'lync-server-2013-backing-up-file-stores.md';
const SQL = 'lync-server-2013-backing-up-archiving-and-monitoring-databases.md';
const PCHAT = 'lync-server-2013-backing-up-persistent-chat-databases.md';
const WORKSHEETS = 'lync-server-2013-backup-and-restoration-worksheets.md';
const REQUIREMENTS = 'lync-server-2013-backup-and-restoration-requirements-data.md';
const ABC_PREREQ = 'lync-server-2013-backup-prerequisites-for-abc-pool-failover.md';

function applies(t: Topology, opts: RunbookOptions): string | null {
  if (userPools(t).length === 0 && !t.cms) return 'this deployment has no Front End pool, Standard Edition server or Central Management store to back up';
  if (opts.pools.length > 0) {
    const r = pickPools(t, opts.pools, isUserPool, 'Front End pool or Standard Edition server');
    if (typeof r === 'string') return r;
  }
  return null;
}

function build(t: Topology, opts: RunbookOptions): Document {
  const tr = pick(opts.lang);
  const L = runbookLabels(opts.lang);
  const lang = opts.lang;
  const named = opts.pools.map((p) => p.toLowerCase());
  const pools = userPools(t).filter((p) => named.length === 0 || named.includes(p.fqdn.toLowerCase()));
  const poolNames = new Set(pools.map((p) => p.fqdn));
  const root = backupRoot(t, lang);
  const folder = root.known ? backupFolder(root.value, opts.now) : root.value;
  const cmsPool = t.cms?.pool ?? null;
  const anyPool = cmsPool ?? pools[0]?.fqdn ?? null;

  const prepare: RunbookStep[] = [
    {
      title: tr('Create this run’s backup folder and point $Backup at it', 'Créer le dossier de sauvegarde de cette exécution et y faire pointer $Backup'),
      body: tr(
        'Each backup run gets a new shared folder, on a server that is in no pool (a remote, secure location). Create it, then set $Backup in the Lync Server Management Shell:',
        'Chaque sauvegarde utilise un nouveau dossier partagé, sur un serveur qui n’appartient à aucun pool (emplacement distant et sécurisé). Créez-le, puis définissez $Backup dans Lync Server Management Shell :',
      ),
      commands: [`$Backup = ${q(folder)}`],
      verify: tr('The folder exists, is empty, and the account running the backup can write to it.', 'Le dossier existe, est vide, et le compte qui exécute la sauvegarde peut y écrire.'),
      on: anyPool,
      minutes: 5,
      ref: 'lync-server-2013-setting-up-a-backup-location.md',
    },
  ];

  const settings: RunbookStep[] = [
    {
      title: tr('Export the Central Management store (topology, policies, configuration)', 'Exporter le magasin central de gestion (topologie, stratégies, configuration)'),
      body: tr(
        'This also carries the Archiving and Monitoring settings. Repeat it after every configuration change.',
        'Cet export contient aussi les paramètres d’archivage et de surveillance. Recommencez après chaque modification de la configuration.',
      ),
      commands: [`Export-CsConfiguration -FileName "${inBackup(t, 'configuration')}"`],
      verify: [
        tr('The zip exists and opens; ', 'Le fichier zip existe et s’ouvre ; '),
        { text: `lyncdr verify cms-export ${backupFileName(t, 'configuration')}`, style: 'code' },
        tr(' reports the topology and no finding.', ' affiche la topologie et aucune anomalie.'),
      ],
      on: cmsPool,
      minutes: 5,
      ref: CORE,
    },
    {
      title: tr('Export the Location Information service (E9-1-1) data', 'Exporter les données du service d’informations d’emplacement (E9-1-1)'),
      body: tr(
        'The export does not overwrite an existing file. From a remote session, use -AsBytes instead of writing the file on the server.',
        'L’export n’écrase pas un fichier existant. Depuis une session distante, utilisez -AsBytes au lieu d’écrire le fichier sur le serveur.',
      ),
      commands: [`Export-CsLisConfiguration -FileName "${inBackup(t, 'lis')}"`],
      verify: tr('The file exists in $Backup and is not empty.', 'Le fichier existe dans $Backup et n’est pas vide.'),
      on: cmsPool,
      minutes: 5,
      ref: CORE,
    },
  ];

  const userData: RunbookStep[] = pools.map((p) => ({
    title: tr(`Export the user data of ${p.fqdn}`, `Exporter les données utilisateur de ${p.fqdn}`),
    commands: [`Export-CsUserData -PoolFqdn ${p.fqdn} -FileName "${inBackup(t, 'userData', p.fqdn)}"`],
    verify: tr('The zip exists in $Backup and opens.', 'Le fichier zip existe dans $Backup et s’ouvre.'),
    on: p.fqdn,
    minutes: 10,
    ref: CORE,
  }));

  const rgsPools = responseGroupPools(t).filter((p) => poolNames.has(p.fqdn));
  const rgs: RunbookStep[] = rgsPools.map((p) => ({
    title: tr(`Export the Response Group configuration of ${p.fqdn}`, `Exporter la configuration Response Group de ${p.fqdn}`),
    body: tr('Skip this step if the pool runs no Response Group.', 'Ignorez cette étape si le pool n’exécute aucun groupe Response Group.'),
    commands: [`Export-CsRgsConfiguration -Source "service:ApplicationServer:${p.fqdn}" -FileName "${inBackup(t, 'rgs', p.fqdn)}"`],
    verify: tr('The zip exists in $Backup and opens.', 'Le fichier zip existe dans $Backup et s’ouvre.'),
    on: p.fqdn,
    minutes: 5,
    ref: CORE,
  }));

  const fileStores = t.fileStores.filter((f) => named.length === 0 || f.pools.some((p) => poolNames.has(p)));
  const files: RunbookStep[] = fileStores.map((f) => {
    const dest = fileStoreCopyPath(t, f, opts.now.slice(0, 10));
    return {
      title: tr(`Copy the file store ${f.unc}`, `Copier le magasin de fichiers ${f.unc}`),
      body: [
        tr('Used by ', 'Utilisé par '),
        { text: f.pools.join(', ') || tbd(lang), style: 'code' },
        tr('. Files named Meeting.Active are locked during meetings and must not be copied (/XF).', '. Les fichiers nommés Meeting.Active sont verrouillés pendant les réunions et ne doivent pas être copiés (/XF).'),
      ],
      commands: [`robocopy ${q(f.unc)} "${dest}" /E /XF Meeting.Active /R:2 /W:5`],
      verify: [
        tr('Robocopy reports 0 in the Failed column; ', 'Robocopy indique 0 dans la colonne Failed (échecs) ; '),
        { text: `lyncdr verify filestore ${f.unc} <copy>`, style: 'code' },
        tr(' reports no finding.', ' n’affiche aucune anomalie.'),
      ],
      on: f.server,
      minutes: 30,
      ref: FILES,
    };
  });

  const sqlKinds = ['Archiving', 'Monitoring', 'PersistentChat'] as const;
  const sqlStores = sqlKinds.flatMap((k) => storesOf(t, k)).filter((s) => named.length === 0 || s.pools.length === 0 || s.pools.some((p) => poolNames.has(p)));
  const sqlDest = t.overlay?.destinations?.['sql'] ?? null;
  const sql: RunbookStep[] = sqlStores.map((s) => {
    const dbs = s.databases.filter((d) => !NOT_BACKED_UP.has(d.toLowerCase()));
    const isChat = s.kind === 'PersistentChat';
    return {
      title: isChat
        ? tr(`Back up the Persistent Chat database on ${sqlName(s)}`, `Sauvegarder la base de conversation permanente sur ${sqlName(s)}`)
        : tr(`Back up the ${s.kind} databases on ${sqlName(s)}`, `Sauvegarder les bases ${s.kind === 'Archiving' ? 'd’archivage' : 'de surveillance'} sur ${sqlName(s)}`),
      body: [
        tr('SQL Server backup (SQL Server Management Studio, or a scheduled SQL Server Agent job) of ', 'Sauvegarde SQL Server (SQL Server Management Studio, ou travail planifié de l’Agent SQL Server) de '),
        { text: dbs.join(', ') || tbd(lang), style: 'code' },
        tr(' to ', ' vers '),
        sqlDest ? { text: sqlDest, style: 'code' } : { text: tbd(lang), style: 'blank' },
        isChat
          ? tr('. Or export the data with the command below (about 20 times smaller; needs CsPersistentChatAdministrator). Restore with the same method you back up with.', '. Ou exportez les données avec la commande ci-dessous (environ 20 fois plus petit ; nécessite CsPersistentChatAdministrator). La restauration utilise la même méthode que la sauvegarde.')
          : '.',
      ],
      commands: isChat ? [`Export-CsPersistentChatData -DBInstance ${q(sqlName(s))} -FileName "${inBackup(t, 'persistentChat', s.server)}"`] : [],
      verify: tr('The backup job ended without error and the backup file (or zip) is in the destination.', 'Le travail de sauvegarde s’est terminé sans erreur et le fichier de sauvegarde (ou le zip) est à destination.'),
      on: s.server,
      minutes: 20,
      ref: isChat ? PCHAT : SQL,
    };
  });

  const record: RunbookStep[] = [
    {
      title: tr('Record this backup set in the worksheets', 'Consigner ce jeu de sauvegarde dans les feuilles de travail'),
      body: [
        tr('Write the folder, date and any failure in the Database, File Store and Settings worksheets (', 'Inscrivez le dossier, la date et tout échec dans les feuilles de travail Bases de données, Magasin de fichiers et Paramètres ('),
        { text: 'lyncdr worksheet', style: 'code' },
        tr(') and keep a copy off site.', ') et conservez-en une copie hors site.'),
      ],
      verify: tr('The worksheets name this run’s folder and are signed.', 'Les feuilles de travail indiquent le dossier de cette exécution et sont signées.'),
      minutes: 10,
      ref: WORKSHEETS,
    },
  ];

  const sections: RunbookSection[] = [
    { heading: tr('Prepare', 'Préparation'), steps: prepare },
    { heading: tr('Settings (global)', 'Paramètres (global)'), steps: settings },
    { heading: tr('User data (per pool)', 'Données utilisateur (par pool)'), steps: userData },
    { heading: tr('Response Group configuration (per pool)', 'Configuration Response Group (par pool)'), steps: rgs },
    { heading: tr('File stores', 'Magasins de fichiers'), steps: files },
    { heading: tr('SQL Server databases', 'Bases de données SQL Server'), steps: sql },
    { heading: tr('Record', 'Consignation'), steps: record },
  ].filter((s) => s.steps.length > 0);

  const noBackup: Text = tr(
    'Not backed up (rebuilt or transient): rtcab (Address Book, rebuilt from Active Directory), rtcdyn, rgsdyn, cpsdyn, mgccomp.',
    'Non sauvegardées (reconstruites ou transitoires) : rtcab (carnet d’adresses, reconstruit depuis Active Directory), rtcdyn, rgsdyn, cpsdyn, mgccomp.',
  );
  return runbookDocument(
    {
      id: 'backup',
      title: tr('Back up Lync Server data and settings', 'Sauvegarder les données et paramètres de Lync Server'),
      subtitle: t.deployment ?? undefined,
      purpose: [
        tr(
          'Creates one complete, restorable backup set of this deployment: Central Management store and LIS exports, user data and Response Group configuration per pool, file store copies, and the SQL Server databases that only SQL backups protect.',
          'Crée un jeu de sauvegarde complet et restaurable de ce déploiement : exports du magasin central de gestion et de LIS, données utilisateur et configuration Response Group par pool, copies des magasins de fichiers, et bases SQL Server que seules les sauvegardes SQL protègent.',
        ),
      ],
      facts: [
        [L.facts.deployment, t.deployment ?? tbd(lang)],
        [L.facts.pools, pools.map((p) => p.fqdn).join(', ') || tbd(lang)],
        [L.facts.cms, t.cms ? `${t.cms.pool} (${sqlName({ server: t.cms.sqlServer, instance: t.cms.instance })})` : tbd(lang)],
        [L.facts.backupDestination, root.known ? folder : { text: tbd(lang), style: 'blank' }],
        [L.facts.owner, ownerOf(t, pools.map((p) => p.fqdn)) ?? { text: tbd(lang), style: 'blank' }],
      ],
      preconditions: [
        tr('You are a member of RTCUniversalServerAdmins (and CsPersistentChatAdministrator for the Persistent Chat export).', 'Vous êtes membre de RTCUniversalServerAdmins (et de CsPersistentChatAdministrator pour l’export de conversation permanente).'),
        tr('The backup location is on a server in no pool, with enough free space for this run.', 'L’emplacement de sauvegarde se trouve sur un serveur hors de tout pool, avec assez d’espace libre pour cette exécution.'),
        tr('The Lync Server Management Shell is open on a server of the deployment.', 'Lync Server Management Shell est ouvert sur un serveur du déploiement.'),
        tr('Active Directory is backed up at the same time (SIP attributes, contact objects, the CMS service connection point).', 'Active Directory est sauvegardé en même temps (attributs SIP, objets contact, point de connexion de service du magasin central).'),
      ],
      sections,
      notes: [
        noBackup,
        tr(
          'Call Park custom music-on-hold (…\\AppServerFiles\\CPS\\) and announcement audio (…\\AppServerFiles\\RGS\\AS) are inside the file store copy; no disaster recovery mechanism protects them, so keep this copy.',
          'La musique d’attente personnalisée du parcage d’appel (…\\AppServerFiles\\CPS\\) et les fichiers audio des annonces (…\\AppServerFiles\\RGS\\AS) sont inclus dans la copie du magasin de fichiers ; aucun mécanisme de reprise après sinistre ne les protège : conservez cette copie.',
        ),
        tr(
          'Certificates, DNS, load balancers, gateways and Exchange are backed up with their own tools.',
          'Les certificats, le DNS, les équilibreurs de charge, les passerelles et Exchange sont sauvegardés avec leurs propres outils.',
        ),
      ],
      rollback: [
        tr('A backup changes nothing on the servers: if a step fails, fix the cause and run that step again into the same $Backup folder (delete a partial file first: the LIS export does not overwrite).', 'Une sauvegarde ne modifie rien sur les serveurs : si une étape échoue, corrigez la cause et relancez-la vers le même dossier $Backup (supprimez d’abord le fichier partiel : l’export LIS n’écrase pas).'),
      ],
      refs: uniq([CORE, FILES, SQL, PCHAT, WORKSHEETS, REQUIREMENTS, ABC_PREREQ, 'lync-server-2013-setting-up-a-backup-location.md']),
    },
    t.deployment,
    opts,
  );
}

/** Back up data and settings (REFERENCE §a, §b; lync-server-2013-backing-up-core-data-and-settings.md and neighbours). */
export const backupRunbook: RunbookSpec = {
  id: 'backup',
  title: { en: 'Back up Lync Server data and settings', fr: 'Sauvegarder les données et paramètres de Lync Server' },
  refs: [CORE, FILES, SQL, PCHAT, WORKSHEETS],
  applies,
  build,
};
