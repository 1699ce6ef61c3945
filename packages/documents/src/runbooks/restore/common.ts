import type { FileStore, Pool, Topology } from '@lyncdr/topology';
import type { Lang, Text } from '../../model';
import { backupFileName, backupFilePattern } from '@lyncdr/domain';
import { backupFolder, backupRoot, fileStoreCopyPath, inBackup, q } from '../common/deployment';
import { tbd } from '../../text/index';
import { pick } from '../common/lang';
import type { RunbookStep } from '../common/procedure';

export const PREPARING = 'lync-server-2013-preparing-to-restore-lync-server.md';
export const OVERVIEW = 'lync-server-2013-backup-and-restoration-process-overview.md';
export const RESTORING = 'lync-server-2013-restoring-data-and-settings.md';

/**
 * Preconditions common to every restore (lync-server-2013-preparing-to-restore-lync-server.md,
 * lync-server-2013-backup-and-restoration-process-overview.md, lync-server-2013-restoring-data-and-settings.md).
 */
export function restorePreconditions(lang: Lang, opts: { sql?: boolean } = {}): Text[] {
  const t = pick(lang);
  const out: Text[] = [
    t('Troubleshooting has failed and the decision to restore is recorded (who decided, when).', 'Le dépannage a échoué et la décision de restaurer est consignée (qui a décidé, quand).'),
    t('The replacement server is clean or new and has the same FQDN as the failed one; its Active Directory computer account was not deleted.', 'Le serveur de remplacement est propre ou neuf et porte le même nom de domaine complet (FQDN) que le serveur en panne ; son compte d’ordinateur Active Directory n’a pas été supprimé.'),
    t('The operating system is installed per your procedures and the certificates are restored or re-enrolled.', 'Le système d’exploitation est installé selon vos procédures et les certificats sont restaurés ou réinscrits.'),
    t('A system image of the prepared server is taken as a rollback point.', 'Une image système du serveur préparé est réalisée comme point de retour arrière.'),
    t('The latest signed worksheets and the backup set ($Backup) are at hand.', 'Les dernières feuilles de travail signées et le jeu de sauvegarde ($Backup) sont disponibles.'),
    t('You log on as a member of RTCUniversalServerAdmins and of the local Administrators group.', 'Vous ouvrez une session en tant que membre de RTCUniversalServerAdmins et du groupe Administrateurs local.'),
  ];
  if (opts.sql) {
    out.push(t('SQL Server (2012 or 2008 R2) is installed with the same instance names, logins and permissions as before the failure.', 'SQL Server (2012 ou 2008 R2) est installé avec les mêmes noms d’instance, connexions et autorisations qu’avant la panne.'));
  }
  return out;
}

/** Points $Backup at the backup set to restore from; the date is a blank to fill in. */
export function setBackupStep(t: Topology, lang: Lang, on: string | null): RunbookStep {
  const tr = pick(lang);
  const root = backupRoot(t, lang);
  const value = root.known ? backupFolder(root.value, '____-__-__') : tbd(lang);
  const expected = `${backupFileName(t, 'configuration')}, ${backupFilePattern(t, 'userData')}`;
  return {
    title: tr('Point $Backup at the backup set you restore from', 'Faire pointer $Backup sur le jeu de sauvegarde à restaurer'),
    body: tr('Use the latest good backup set recorded in the worksheets; write its date in the path.', 'Utilisez le dernier jeu de sauvegarde valide consigné dans les feuilles de travail ; inscrivez sa date dans le chemin.'),
    commands: [`$Backup = ${q(value)}`],
    verify: tr(`The folder holds the expected files (${expected}, filestore\\…).`, `Le dossier contient les fichiers attendus (${expected}, filestore\\…).`),
    on,
    minutes: 2,
    ref: OVERVIEW,
  };
}

/** Prepare the replacement server: same FQDN, OS, certificates (and SQL Server with the same instance names). */
/**
 * A clean server with the same FQDN. `role: 'edge'`: an Edge Server sits in the perimeter network
 * (lync-server-2013-performing-and-monitoring-backups.md) and is not a member of the domain, so its check is the FQDN
 * (primary DNS suffix) and the certificates, not the domain membership.
 */
export function newServerStep(lang: Lang, servers: string[], ref: string, sql = false, role: 'internal' | 'edge' = 'internal'): RunbookStep {
  const tr = pick(lang);
  const verify =
    role === 'edge'
      ? tr(
          'The server answers on its FQDN (its primary DNS suffix is set, as it is not joined to the domain: Edge Servers are in the perimeter network), and its certificates are valid.',
          'Le serveur répond sur son FQDN (son suffixe DNS principal est défini, car il n’est pas joint au domaine : les serveurs Edge sont dans le réseau de périmètre), et ses certificats sont valides.',
        )
      : tr('The server answers on its FQDN, is joined to the domain, and its certificates are valid.', 'Le serveur répond sur son FQDN, est joint au domaine, et ses certificats sont valides.');
  return {
    title: tr(`Prepare the replacement server${servers.length > 1 ? 's' : ''} with the same FQDN`, `Préparer le${servers.length > 1 ? 's' : ''} serveur${servers.length > 1 ? 's' : ''} de remplacement avec le même FQDN`),
    body: [
      { text: servers.join(', ') || tbd(lang), style: 'code' },
      sql
        ? tr(': install the operating system, restore or re-enroll the certificates, then install SQL Server with the same instance names as before the failure.', ' : installez le système d’exploitation, restaurez ou réinscrivez les certificats, puis installez SQL Server avec les mêmes noms d’instance qu’avant la panne.')
        : tr(': install the operating system and restore or re-enroll the certificates.', ' : installez le système d’exploitation et restaurez ou réinscrivez les certificats.'),
    ],
    verify,
    on: servers.length === 1 ? servers[0]! : null,
    minutes: sql ? 120 : 90,
    ref,
  };
}

/** Lync Server Deployment Wizard steps 1 to 4 on a server. */
export function deploymentWizardStep(lang: Lang, servers: string[], ref: string, extra?: Text): RunbookStep {
  const tr = pick(lang);
  return {
    title: tr('Run the Deployment Wizard, steps 1 to 4', 'Exécuter l’Assistant Déploiement, étapes 1 à 4'),
    body: [
      tr('On ', 'Sur '),
      { text: servers.join(', ') || tbd(lang), style: 'code' },
      tr(
        ', run \\setup\\amd64\\Setup.exe: Step 1 Install Local Configuration Store, Step 2 Setup or Remove Lync Server Components, Step 3 Request, Install or Assign Certificates, Step 4 Start Services.',
        ', exécutez \\setup\\amd64\\Setup.exe : étape 1 Installer le magasin de configuration local, étape 2 Installer ou supprimer des composants Lync Server, étape 3 Demander, installer ou affecter des certificats, étape 4 Démarrer les services.',
      ),
      ...(extra === undefined ? [] : Array.isArray(extra) ? [' ', ...extra] : [' ', extra]),
    ],
    verify: tr('Each step shows Complete; the Lync services are running (Get-CsWindowsService).', 'Chaque étape indique Terminé ; les services Lync sont démarrés (Get-CsWindowsService).'),
    on: servers.length === 1 ? servers[0]! : null,
    minutes: 60,
    ref,
  };
}

/** Import user data with the Front End services stopped (c.1 step 6, c.2 step 12, c.3 step 5). */
export function importUserDataStep(t: Topology, lang: Lang, pool: Pool, ref: string): RunbookStep {
  const tr = pick(lang);
  return {
    title: tr(`Import the user data of ${pool.fqdn}`, `Importer les données utilisateur de ${pool.fqdn}`),
    body: [
      tr('Stop the services on every server of the pool, import, then start them again. Servers: ', 'Arrêtez les services sur chaque serveur du pool, importez, puis redémarrez-les. Serveurs : '),
      { text: pool.machines.join(', ') || pool.fqdn, style: 'code' },
    ],
    commands: ['Stop-CsWindowsService', `Import-CsUserData -PoolFqdn ${pool.fqdn} -FileName "${inBackup(t, 'userData', pool.fqdn)}"`, 'Start-CsWindowsService'],
    verify: tr('The import ends without error; users of the pool sign in and see their contacts.', 'L’import se termine sans erreur ; les utilisateurs du pool se connectent et retrouvent leurs contacts.'),
    on: pool.machines[0] ?? pool.fqdn,
    minutes: 30,
    ref,
  };
}

/** Restore Response Group settings (c.11) into a pool whose RGS database is new or empty: -OverwriteOwner. */
export function importRgsStep(t: Topology, lang: Lang, pool: string, ref = 'lync-server-2013-restoring-response-group-settings.md'): RunbookStep {
  const tr = pick(lang);
  return {
    title: tr(`Restore the Response Group configuration of ${pool}`, `Restaurer la configuration Response Group de ${pool}`),
    body: tr(
      'Only if Response Group is used on this pool. -OverwriteOwner is needed because the pool’s Response Group database is new or empty while the contact objects still exist in Active Directory.',
      'Uniquement si Response Group est utilisé sur ce pool. -OverwriteOwner est nécessaire car la base Response Group du pool est nouvelle ou vide alors que les objets contact existent encore dans Active Directory.',
    ),
    commands: [`Import-CsRgsConfiguration -Destination "service:ApplicationServer:${pool}" -OverwriteOwner -FileName "${inBackup(t, 'rgs', pool)}"`],
    verify: tr('The import ends without error; the workflows answer a test call.', 'L’import se termine sans erreur ; les flux de travail répondent à un appel de test.'),
    on: pool,
    minutes: 15,
    ref,
  };
}

/** Copy a file store back to the same path and share name (c.8). */
export function restoreFileStoreSteps(lang: Lang, t: Topology, f: FileStore, ref = 'lync-server-2013-restoring-a-file-store.md'): RunbookStep[] {
  const tr = pick(lang);
  return [
    {
      title: tr(`Re-create the share ${f.unc} with the same path and name`, `Recréer le partage ${f.unc} avec le même chemin et le même nom`),
      body: tr(
        `On ${f.server}, create the folder at the same local path as before and share it as "${f.share}". Components find their files only at the identical path.`,
        `Sur ${f.server}, créez le dossier au même chemin local qu’avant et partagez-le sous le nom « ${f.share} ». Les composants ne retrouvent leurs fichiers qu’au chemin identique.`,
      ),
      verify: tr(`${f.unc} opens from a Front End server.`, `${f.unc} s’ouvre depuis un serveur frontal.`),
      on: f.server,
      minutes: 10,
      ref,
    },
    {
      title: tr(`Copy the file store back to ${f.unc}`, `Recopier le magasin de fichiers vers ${f.unc}`),
      commands: [`robocopy ${q(fileStoreCopyPath(t, f, '____-__-__'))} ${q(f.unc)} /E /R:2 /W:5`],
      verify: [tr('Robocopy reports 0 in the Failed column; ', 'Robocopy indique 0 dans la colonne Failed (échecs) ; '), { text: `lyncdr verify filestore <backup copy> ${f.unc}`, style: 'code' }, tr(' reports no finding.', ' n’affiche aucune anomalie.')],
      on: f.server,
      minutes: 30,
      ref,
    },
  ];
}

/** Sets the file store ACLs again when Topology Builder was not run during this restore (c.8 step 2). */
export function enableTopologyStep(lang: Lang, ref: string, on: string | null): RunbookStep {
  const tr = pick(lang);
  return {
    title: tr('Set the access control lists again (only if Topology Builder was not run)', 'Redéfinir les listes de contrôle d’accès (uniquement si le Générateur de topologie n’a pas été exécuté)'),
    commands: ['Enable-CsTopology'],
    verify: tr('The command ends without error; Front End servers can write to the file store.', 'La commande se termine sans erreur ; les serveurs frontaux peuvent écrire dans le magasin de fichiers.'),
    on,
    minutes: 5,
    ref,
  };
}

/** Common rollback text of the restores: the image taken before starting. */
export function restoreRollback(lang: Lang): Text[] {
  const tr = pick(lang);
  return [
    tr('If a step fails, stop, note the step number and the error, and return the server to the system image taken before the restore.', 'Si une étape échoue, arrêtez-vous, notez le numéro de l’étape et l’erreur, et ramenez le serveur à l’image système prise avant la restauration.'),
    tr('For a paired pool, the users can be served by the backup pool meanwhile: see the pool-failover runbook.', 'Pour un pool couplé, les utilisateurs peuvent être servis par le pool de sauvegarde pendant ce temps : voir le runbook pool-failover.'),
  ];
}
