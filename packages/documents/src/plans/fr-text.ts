/**
 * French forms of the DR engine's step titles and fixed phrases. The engine speaks English; printed French plans and
 * runbooks translate its titles here. Terms follow REFERENCE §h: failover = « basculement », failback = « restauration
 * automatique », Central Management store = « magasin central de gestion ». Unknown text is kept as is.
 */
import { ABC_TEXTS, ABC_TITLES } from './fr-abc';
import { NOTE_TEXTS, NOTE_TITLES, WARNING_TEXTS } from './fr-notes';

const TITLES: [RegExp, string][] = [
  [/^Fail over the users of (\S+) to (.+?) \(disaster mode\)$/, 'Basculement des utilisateurs de $1 vers $2 (mode sinistre)'],
  [/^Fail over the users of (\S+) to (.+?) \(planned\)$/, 'Basculement planifié des utilisateurs de $1 vers $2'],
  [/^Fail back the users of (\S+) from (\S+)$/, 'Restauration automatique des utilisateurs de $1 depuis $2'],
  [/^Fail back the users of (\S+)$/, 'Restauration automatique des utilisateurs de $1'],
  [/^Fail the Central Management store over to (\S+) \(disaster\)$/, 'Basculement du magasin central de gestion vers $1 (sinistre)'],
  [/^Fail the Central Management store over to (\S+) \(planned\)$/, 'Basculement planifié du magasin central de gestion vers $1'],
  [/^Find the pool hosting the Central Management store$/, 'Trouver le pool qui héberge le magasin central de gestion'],
  [/^Check that the Central Management store is available$/, 'Vérifier que le magasin central de gestion est disponible'],
  [/^Find the backup pool of the CMS pool (\S+)$/, 'Trouver le pool de sauvegarde du pool $1 (magasin central de gestion)'],
  [/^See which Back End of (\S+) is principal$/, 'Voir quel serveur principal de $1 est le principal SQL'],
  [/^See which Back End is principal for (\S+) on (\S+)$/, 'Voir quel serveur principal est principal SQL pour $1 sur $2'],
  [/^Make the (\S+) Back End principal for (\S+) on (\S+)$/, 'Rendre principal le serveur $1 pour $2 sur $3'],
  [/^Check the Backup Service status of (\S+)$/, 'Vérifier l’état du service de sauvegarde de $1'],
  [/^Start a Backup Service synchronisation on (\S+)(.*)$/, 'Lancer une synchronisation du service de sauvegarde sur $1$2'],
  [/^Copy (\S+)'s conference content back from (\S+)$/, 'Recopier le contenu de conférence de $1 depuis $2'],
  [/^Wait until the conference module of (\S+) is in steady state$/, 'Attendre que le module de conférence de $1 soit en état stable'],
  [/^Point Edge pool (\S+) to next hop (\S+) \(same site, Topology Builder\)$/, 'Faire pointer le pool Edge $1 vers le tronçon suivant $2 (même site, Générateur de topologie)'],
  [/^Point Edge pool (\S+) to next hop (\S+) \(other site\)$/, 'Faire pointer le pool Edge $1 vers le tronçon suivant $2 (autre site)'],
  [/^Move Lync federation from (\S+) to (\S+) in Topology Builder$/, 'Déplacer la fédération Lync de $1 vers $2 dans le Générateur de topologie'],
  [/^Apply the change on Edge server (\S+)$/, 'Appliquer la modification sur le serveur Edge $1'],
  [/^Check the federation DNS SRV records$/, 'Vérifier les enregistrements DNS SRV de fédération'],
  [/^Stop the Lync services on Edge server (\S+)$/, 'Arrêter les services Lync sur le serveur Edge $1'],
  [/^Start the Lync services on Edge server (\S+)$/, 'Démarrer les services Lync sur le serveur Edge $1'],
  [/^Route XMPP federation of site (.+) through (\S+)$/, 'Faire passer la fédération XMPP du site $1 par $2'],
  [/^Point XMPP DNS records to the new Edge pool$/, 'Faire pointer les enregistrements DNS XMPP vers le nouveau pool Edge'],
  [/^Open port 5269 inbound to the new Edge pool$/, 'Ouvrir le port 5269 entrant vers le nouveau pool Edge'],
  [/^Associate Front End pool (\S+) with Edge pool (\S+)$/, 'Associer le pool frontal $1 au pool Edge $2'],
  [/^Restore the latest LIS backup into (\S+)$/, 'Restaurer la dernière sauvegarde LIS dans $1'],
  [/^Import (\S+)'s Response Groups into (\S+)$/, 'Importer les Response Groups de $1 dans $2'],
  [/^Recreate (\S+)'s announcements on (\S+)$/, 'Recréer les annonces de $1 sur $2'],
  [/^Export (\S+)'s Response Groups from (\S+)$/, 'Exporter les Response Groups de $1 depuis $2'],
  [/^Import the Response Groups back into (\S+)$/, 'Réimporter les Response Groups dans $1'],
  [/^Point announcements and unassigned numbers back to (\S+)$/, 'Rediriger les annonces et numéros non attribués vers $1'],
  [/^Redirect the Group Call Pickup range of (\S+) to (\S+)$/, 'Rediriger les plages de prise d’appel de groupe de $1 vers $2'],
  [/^Redirect the Group Call Pickup range (.+) to (\S+)$/, 'Rediriger la plage de prise d’appel de groupe $1 vers $2'],
  ...ABC_TITLES,
  ...NOTE_TITLES,
];

/** French forms of the engine's verifications, notes and manual instructions (the most used ones). */
const TEXTS: [RegExp, string][] = [
  [/^In BackupModules, every module ExportStatus is SteadyState or FinalState \(NotInitialized is normal for CentralMgmt\.CMSMaster on a pool that is not CMS master\) and ImportStatus is NormalState; NonSteadyState or ErrorState means data loss beyond the RPO\.$/, 'Dans BackupModules, chaque module a ExportStatus SteadyState ou FinalState (NotInitialized est normal pour CentralMgmt.CMSMaster sur un pool qui n’est pas maître du magasin central) et ImportStatus NormalState ; NonSteadyState ou ErrorState signifie une perte de données au-delà du RPO.'],
  [/^The status names come from the Backup Service team blog, not the doc pages \(REFERENCE §0 rule 10\)\.$/, 'Les noms d’état viennent du blog de l’équipe du service de sauvegarde, pas des pages de documentation (REFERENCE §0 règle 10).'],
  [/^The output names the pool hosting the CMS \(CMS_Pool\)\.$/, 'La sortie indique le pool qui héberge le magasin central de gestion (CMS_Pool).'],
  [/^ActiveMasterFqdn and ActiveFileTransferAgents both point to CMS_Pool; empty values mean the CMS is unavailable and must be failed over\.$/, 'ActiveMasterFqdn et ActiveFileTransferAgents désignent tous deux CMS_Pool ; des valeurs vides signifient que le magasin central est indisponible et doit être basculé.'],
  [/^Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus — ActiveMasterFqdn and ActiveFileTransferAgents point to (\S+); then Get-CsManagementStoreReplicationStatus — every replica UpToDate = True$/, 'Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus — ActiveMasterFqdn et ActiveFileTransferAgents désignent $1 ; puis Get-CsManagementStoreReplicationStatus — chaque réplica UpToDate = True'],
  [/^Get-CsUserPoolInfo -Identity <a user homed on (\S+)> — the user registers on (\S+); if the cmdlet failed, fix what its error names \(CMS failover, Edge next hop\) and run it again$/, 'Get-CsUserPoolInfo -Identity <un utilisateur hébergé sur $1> — l’utilisateur s’inscrit sur $2 ; si la cmdlet a échoué, corriger ce que l’erreur indique (basculement du magasin central, tronçon suivant Edge) et relancer'],
  [/^Get-CsUserPoolInfo -Identity <a user homed on (\S+)> — the user registers on (\S+) again$/, 'Get-CsUserPoolInfo -Identity <un utilisateur hébergé sur $1> — l’utilisateur s’inscrit de nouveau sur $2'],
  [/^-PoolFqdn names the pool that suffered the disaster \((\S+), the users' home pool\), not the pool the users go to \(REFERENCE §0 rule 1\)\.$/, '-PoolFqdn désigne le pool touché par le sinistre ($1, le pool d’origine des utilisateurs), pas le pool vers lequel ils vont (REFERENCE §0 règle 1).'],
  [/^-PoolFqdn is (\S+), the same FQDN used for the failover \(the users' home pool\), not the backup pool \(REFERENCE §0 rule 1\)\.$/, '-PoolFqdn vaut $1, le même FQDN que pour le basculement (le pool d’origine des utilisateurs), et non le pool de sauvegarde (REFERENCE §0 règle 1).'],
  [/^-DisasterMode: data the users produced on the backup pool is lost \(cmdlets\/Invoke-CsPoolFailBack\.md\)\.$/, '-DisasterMode : les données produites par les utilisateurs sur le pool de sauvegarde sont perdues (cmdlets/Invoke-CsPoolFailBack.md).'],
  [/^-PoolFqdn is (\S+), the same FQDN used for the failover \(the users' home pool\), not (.+) \(REFERENCE §0 rule 1\)\.$/, '-PoolFqdn vaut $1, le même FQDN que pour le basculement (le pool d’origine des utilisateurs), et non $2 (REFERENCE §0 règle 1).'],
  [/^Planned failover \(pool still running\): no -DisasterMode \(cmdlets\/Invoke-CsPoolFailOver\.md\)\.$/, 'Basculement planifié (le pool fonctionne encore) : pas de -DisasterMode (cmdlets/Invoke-CsPoolFailOver.md).'],
  [/^Users stay signed in, pass through resiliency mode and must rejoin conferences organised by affected users \(failing-back-a-pool\)\.$/, 'Les utilisateurs restent connectés, passent en mode de résilience et doivent rejoindre de nouveau les conférences organisées par les utilisateurs concernés (failing-back-a-pool).'],
  [/^The CMS does not need to be failed back \(REFERENCE §0 rule 3\)\.$/, 'Le magasin central de gestion n’a pas besoin de restauration automatique (REFERENCE §0 règle 3).'],
  [/^A test E9-1-1 location lookup from a client of a failed-over user succeeds$/, 'Une recherche d’emplacement E9-1-1 depuis le client d’un utilisateur basculé réussit'],
  [/^LIS \(E9-1-1 location\) data is not replicated to the backup pool: restore the latest LIS backup \(Import-CsLisConfiguration, then Publish-CsLisConfiguration\)\.$/, 'Les données LIS (emplacements E9-1-1) ne sont pas répliquées vers le pool de sauvegarde : restaurer la dernière sauvegarde LIS (Import-CsLisConfiguration, puis Publish-CsLisConfiguration).'],
  [/^A test call to an unassigned number plays the announcement$/, 'Un appel de test vers un numéro non attribué diffuse l’annonce'],
  [/^Get-CsBackupServiceStatus -PoolFqdn (\S+) — ExportStatus SteadyState or FinalState, ImportStatus NormalState$/, 'Get-CsBackupServiceStatus -PoolFqdn $1 — ExportStatus SteadyState ou FinalState, ImportStatus NormalState'],
  [/^The ConfServices\.DataConf entry of BackupModules reports SteadyState; repeat the command until it does\.$/, 'L’entrée ConfServices.DataConf de BackupModules indique SteadyState ; répéter la commande jusqu’à ce que ce soit le cas.'],
  [/^-PoolFqdn is (\S+), the partner of the pool that lost the data — the opposite of Invoke-CsPoolFailOver\/FailBack, whose -PoolFqdn is the home pool \(REFERENCE §0 rule 1, §e\.8\)\.$/, '-PoolFqdn vaut $1, le partenaire du pool qui a perdu les données — l’inverse de Invoke-CsPoolFailOver/FailBack, dont le -PoolFqdn est le pool d’origine (REFERENCE §0 règle 1, §e.8).'],
  [/^Get-CsService -EdgeServer — the Registrar \(next hop\) of EdgeServer:(\S+) is Registrar:(\S+)$/, 'Get-CsService -EdgeServer — le Registrar (tronçon suivant) de EdgeServer:$1 est Registrar:$2'],
  [/^Open Topology Builder, right-click the Edge pool (\S+) and click Edit Properties\.$/, 'Ouvrir le Générateur de topologie, clic droit sur le pool Edge $1, puis Modifier les propriétés.'],
  [/^Click Next Hop; in the Next hop pool list select (\S+)\.$/, 'Cliquer sur Tronçon suivant ; dans la liste Pool de tronçon suivant, sélectionner $1.'],
  [/^Click OK, then publish the topology \(Action → Topology → Publish\)\.$/, 'Cliquer sur OK, puis publier la topologie (Action → Topologie → Publier).'],
  [/^Open Topology Builder on a Front End server\.$/, 'Ouvrir le Générateur de topologie sur un serveur frontal.'],
  [/^Action → Topology → Publish; click Next, then Finish\.$/, 'Action → Topologie → Publier ; cliquer sur Suivant, puis Terminer.'],
  [/^The wizard finishes without errors\.$/, 'L’assistant se termine sans erreur.'],
  [/^Open the Lync Server Deployment Wizard\.$/, 'Ouvrir l’Assistant Déploiement de Lync Server.'],
  [/^Get-CsWindowsService -ComputerName (\S+) — services Stopped$/, 'Get-CsWindowsService -ComputerName $1 — services arrêtés'],
  [/^Get-CsWindowsService -ComputerName (\S+) — services Running$/, 'Get-CsWindowsService -ComputerName $1 — services démarrés'],
  [/^Get-CsWindowsService -Name LyncBackup — Running$/, 'Get-CsWindowsService -Name LyncBackup — démarré'],
  [/^Firewall: allow TCP 5269 inbound to the external interface of (\S+)\.$/, 'Pare-feu : autoriser TCP 5269 en entrée vers l’interface externe de $1.'],
  [/^A test connection to (\S+) on TCP 5269 from outside succeeds$/, 'Une connexion de test vers $1 sur TCP 5269 depuis l’extérieur réussit'],
  [/^Add -Force if the current principal is inaccessible \(cmdlets\/Invoke-CsDatabaseFailover\.md\)\.$/, 'Ajouter -Force si le principal actuel est inaccessible (cmdlets/Invoke-CsDatabaseFailover.md).'],
  [/^The zip file exists and is not empty$/, 'Le fichier zip existe et n’est pas vide'],
  [/^The zip file exists$/, 'Le fichier zip existe'],
  [/^Get-CsUser -Filter \{RegistrarPool -eq "(\S+)"\} returns nothing$/, 'Get-CsUser -Filter {RegistrarPool -eq "$1"} ne renvoie rien'],
  [/^Get-CsPoolBackupRelationship -PoolFqdn (\S+) names (\S+)$/, 'Get-CsPoolBackupRelationship -PoolFqdn $1 indique $2'],
  [/^Docs disagree: lync-server-2013-failing-back-a-pool\.md says no other steps are necessary; the conference-content page says this copy is required after a failback\. Kept, labelled with its source \(REFERENCE §e\.2\)\.$/, 'La documentation se contredit : lync-server-2013-failing-back-a-pool.md dit qu’aucune autre étape n’est nécessaire ; la page sur le contenu de conférence exige cette copie après une restauration automatique. Étape conservée, avec sa source (REFERENCE §e.2).'],
  [/^ERRATUM: the page adds -BackupModule ConfServices\.DataConf to Get-CsBackupServiceStatus; that parameter exists in no version of the cmdlet \(REFERENCE §e\.8\)\.$/, 'ERRATUM : la page ajoute -BackupModule ConfServices.DataConf à Get-CsBackupServiceStatus ; ce paramètre n’existe dans aucune version de la cmdlet (REFERENCE §e.8).'],
  [/^The zip file exists \(the cmdlet refuses to overwrite an existing file\)$/, 'Le fichier zip existe (la cmdlet refuse d’écraser un fichier existant)'],
  [/^Get-CsRgsWorkflow -Identity "service:ApplicationServer:(\S+)" -ShowAll lists the workflows; place a test call$/, 'Get-CsRgsWorkflow -Identity "service:ApplicationServer:$1" -ShowAll liste les workflows ; passer un appel de test'],
  [/^Recreate the announcements with parent (\S+) and run (.+) for each range\.$/, 'Recréer les annonces avec le parent $1 et exécuter $2 pour chaque plage.'],
  [/^Import-CsAnnouncementFile and New-CsAnnouncement with parent (\S+); then (.+) for each range\.$/, 'Import-CsAnnouncementFile et New-CsAnnouncement avec le parent $1 ; puis $2 pour chaque plage.'],
  [/^Get-CsRgsWorkflow -Identity "service:ApplicationServer:(\S+)" -Owner "service:ApplicationServer:(\S+)" lists them; place a test call; formal agents sign in again$/, 'Get-CsRgsWorkflow -Identity "service:ApplicationServer:$1" -Owner "service:ApplicationServer:$2" les liste ; passer un appel de test ; les agents formels se reconnectent'],
  [/^Response Group configuration is not replicated by the Backup Service in Lync 2013 \(REFERENCE §0 rule 6\)\. Add -ReplaceExistingRgsSettings to carry application-level settings\.$/, 'La configuration Response Group n’est pas répliquée par le service de sauvegarde dans Lync 2013 (REFERENCE §0 règle 6). Ajouter -ReplaceExistingRgsSettings pour reprendre les paramètres au niveau application.'],
  [/^ERRATUM \(lync-server-2013-failing-over-a-pool\.md\): the page writes -MirrorSQLServerFqdn\/-MirrorSQLInstanceName; the cmdlet parameters are -BackupMirrorSqlServerFqdn\/-BackupMirrorSqlInstanceName, and -Force is required in the disaster form\.$/, 'ERRATUM (lync-server-2013-failing-over-a-pool.md) : la page écrit -MirrorSQLServerFqdn/-MirrorSQLInstanceName ; les paramètres de la cmdlet sont -BackupMirrorSqlServerFqdn/-BackupMirrorSqlInstanceName, et -Force est obligatoire en cas de sinistre.'],
  [/^A call to a member of the pickup group can be answered with the group's pickup number once users are out of resiliency mode$/, 'Un appel vers un membre du groupe de prise d’appel peut être pris avec le numéro de prise du groupe, une fois les utilisateurs sortis du mode de résilience'],
  [/^The Group Call Pickup ranges of (\S+) are not known: repeat for every Call Park orbit of type GroupPickup served by (\S+), or list them under groupPickup: in lyncdr\.yaml\.$/, 'Les plages de prise d’appel de groupe de $1 ne sont pas connues : répéter pour chaque orbite de parcage de type GroupPickup servie par $2, ou les lister sous groupPickup: dans lyncdr.yaml.'],
  [/^The Call Park application must be deployed and enabled in both pools of the pair \((\S+)\)\.$/, 'L’application de parcage d’appels doit être déployée et activée dans les deux pools de la paire ($1).'],
  [/^The Group Call Pickup ranges of (\S+) cannot be redirected to (\S+) while the Central Management store is unavailable \(Set-CsCallParkOrbit writes to it\): fail the CMS over, then run Set-CsCallParkOrbit \((\S+)\)\.$/, 'Les plages de prise d’appel de groupe de $1 ne peuvent pas être redirigées vers $2 tant que le magasin central de gestion est indisponible (Set-CsCallParkOrbit y écrit) : basculer le magasin central, puis exécuter Set-CsCallParkOrbit ($3).'],
  ...ABC_TEXTS,
  ...NOTE_TEXTS,
  ...WARNING_TEXTS,
];

/** The blank a person fills in, in French (« À compléter — responsable », the text catalog's term). */
export function frPlaceholder(text: string): string {
  return text.split('TBD — owner').join('À compléter — responsable').replace(/Group Call Pickup orbit range of (\S+)>/g, 'plage de prise d’appel de groupe de $1>');
}

/** French form of an engine title or text, and whether a known translation matched. */
export function translateFr(text: string, kind: 'title' | 'text' = 'text'): { text: string; matched: boolean } {
  if (kind === 'title') {
    const fr = frTitle(text);
    return { text: fr, matched: fr !== text };
  }
  for (const [re, fr] of TEXTS) if (re.test(text)) return { text: frPlaceholder(text.replace(re, fr)), matched: true };
  return { text: frPlaceholder(text), matched: false };
}

/** French form of an engine text (verification, note, instruction, warning); unknown text is kept as is. */
export function frText(text: string): string {
  for (const [re, fr] of TEXTS) if (re.test(text)) return frPlaceholder(text.replace(re, fr));
  return frPlaceholder(text);
}

export function localText(text: string, lang: 'en' | 'fr'): string {
  return lang === 'fr' ? frText(text) : text;
}

const ABC_SUFFIX = /^(.*) \(ABC step ([\d–]+)\)$/;

export function frTitle(title: string): string {
  const abc = ABC_SUFFIX.exec(title);
  if (abc) {
    const inner = frTitle(abc[1] as string);
    return inner === abc[1] ? title : `${inner} (étape ABC ${abc[2]})`;
  }
  for (const [re, fr] of TITLES) if (re.test(title)) return title.replace(re, fr);
  return title;
}

export function localTitle(title: string, lang: 'en' | 'fr'): string {
  return lang === 'fr' ? frTitle(title) : title;
}
