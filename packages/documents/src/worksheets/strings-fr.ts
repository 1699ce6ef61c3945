import type { Weekday } from './schedule';
import type { WorksheetStrings } from './strings';

const FR_DAYS: Record<Weekday, string> = { monday: 'lundi', tuesday: 'mardi', wednesday: 'mercredi', thursday: 'jeudi', friday: 'vendredi', saturday: 'samedi', sunday: 'dimanche' };

/**
 * French text. Titles, captions, columns and row labels are those of the French Microsoft page
 * (docs-fr/lync-server-2013-backup-and-restoration-worksheets.md); its list of databases needing no backup names
 * « Rtcab » twice, the second being Rgsdyn (docs-en), which is what is printed here.
 */
export const worksheetFr: WorksheetStrings = {
  allTitle: 'Feuilles de travail de sauvegarde et de restauration',
  headerNote:
    'Ces feuilles de travail couvrent uniquement les informations nécessaires pour restaurer les données et les paramètres de Lync Server. Conservez-en une ou plusieurs copies dans un emplacement sécurisé et facile d’accès.',
  suggested: 'Suggéré',
  afterChange: 'et après chaque modification',
  schedule: (s) => {
    const at = (t: string | null) => (t ? ` à ${t.replace(':', ' h ')}` : '');
    if (s.kind === 'daily') return `tous les jours${at(s.time)}`;
    if (s.kind === 'weekly') return `chaque ${FR_DAYS[s.day]}${at(s.time)}`;
    if (s.kind === 'hours') return s.every === 1 ? 'toutes les heures' : `toutes les ${s.every} heures`;
    return `toutes les ${s.every} minutes`;
  },
  every: (h) => (h === 24 ? 'quotidienne (toutes les 24 heures)' : h % 24 === 0 ? `tous les ${h / 24} jours` : `toutes les ${h} heures`),
  backupSet: ['Nom :', 'Expiration :'],
  ownerLabel: 'Responsable',
  exactCommand: 'Commande',
  backupServiceLabel: 'Service de sauvegarde',
  productLabel: 'Version du produit',
  productNames: { lync2013: 'Lync Server 2013', sfb2015: 'Skype Entreprise Server 2015', sfb2019: 'Skype Entreprise Server 2019' },
  alwaysOnListener: (i) => `${i} est l’écouteur d’un groupe de disponibilité AlwaysOn (le nom de domaine complet SQL Server du magasin dans le Générateur de topologie).`,
  statusColumns: ['Dernière sauvegarde réussie', 'Âge', 'État'],
  noStatusEntry: 'aucune entrée dans l’instantané d’état',
  statusAsOf: 'État des sauvegardes au',
  database: {
    title: 'Feuille de travail de sauvegarde et de restauration de la base de données',
    intro: 'Utilisez le tableau suivant pour enregistrer les informations nécessaires à la sauvegarde et à la restauration des bases de données Lync Server de ce déploiement.',
    caption: 'Informations sur la base de données pour la sauvegarde et la restauration',
    columns: ['Base de données', 'Nom de domaine complet (FQDN) du serveur', 'Planification de la sauvegarde', 'Outil de sauvegarde de la base de données', 'Définition de la sauvegarde', 'Destination de la sauvegarde', 'Remarques'],
    noBackupTitle: 'Bases de données ne nécessitant aucune sauvegarde ni restauration',
    noBackupColumns: ['Base de données', 'Serveur', 'Raison'],
  },
  filestore: {
    title: 'Feuille de travail de sauvegarde et de restauration du magasin de fichiers',
    intro:
      'Les magasins de fichiers contiennent des métadonnées de contenu de réunion, des journaux de conformité de réunion, des journaux de mise à jour de périphériques ainsi que des fichiers audio pour les applications Response Group, de parcage d’appel et d’annonce.',
    caption: 'Informations sur le magasin de fichiers pour la sauvegarde et la restauration',
    columns: ['Contenu', 'Nom de domaine complet (FQDN) du serveur', 'Planification de la sauvegarde', 'Outil de sauvegarde du système de fichiers', 'Partage de fichiers à sauvegarder', 'Destination de la sauvegarde', 'Remarques'],
    shareText: (unc) => unc,
  },
  settings: {
    title: 'Feuille de travail de sauvegarde et de restauration des paramètres',
    intro: 'Utilisez le tableau suivant pour enregistrer les informations nécessaires à la sauvegarde et à la restauration des paramètres.',
    caption: 'Informations sur les paramètres pour la sauvegarde et la restauration',
    columns: ['Base de données', 'Nom de domaine complet (FQDN) du serveur', 'Planification de la sauvegarde', 'Outil de sauvegarde', 'Nom du fichier de configuration', 'Emplacement de sauvegarde', 'Remarques'],
    otherTitle: 'Autres données nécessaires à une restauration (hors Lync Server)',
    otherColumns: ['Données', 'Contenu', 'Planification de la sauvegarde', 'Outil de sauvegarde', 'Responsable', 'Destination de la sauvegarde'],
  },
  coverage: {
    title: 'Ce que le service de sauvegarde protège, et ce qu’il ne protège pas',
    replicates: 'Répliqué entre les pools couplés par le service de sauvegarde',
    notProtected: 'Non protégé par le service de sauvegarde (à sauvegarder comme indiqué dans ces feuilles de travail)',
    pairs: 'Pools couplés',
    noPairs: 'Aucun pool couplé : le service de sauvegarde ne protège rien dans ce déploiement.',
  },
  restore: {
    title: 'Feuille de travail de restauration',
    intro:
      'Pour chaque défaillance, la procédure à suivre, dans l’ordre, avec les serveurs de ce déploiement. Cochez chaque étape, notez les heures de début et de fin et vos initiales. Ne restaurez qu’après l’échec du dépannage.',
    columns: ['Fait', 'N°', 'Étape', 'Commande', 'Exécuter sur', 'Début', 'Fin', 'Initiales'],
    whatFailed: 'Élément défaillant',
    procedure: 'Procédure',
    rtoTarget: 'Objectif de délai de récupération (RTO)',
    rtoFromOverlay: 'selon lyncdr.yaml',
    rtoFromReference: 'objectif d’ingénierie de Microsoft',
    decidedBy: 'Restauration décidée par',
    backupFiles: 'Fichiers de sauvegarde nécessaires',
    preconditionsTitle: 'Avant toute restauration',
    preconditions: [
      'Un ordinateur propre ou neuf portant le même nom de domaine complet (FQDN) que l’ordinateur défaillant ; son compte d’ordinateur Active Directory n’a pas été supprimé',
      'Système d’exploitation installé, certificats restaurés ou redemandés',
      'SQL Server installé avec les mêmes noms d’instance (serveurs de base de données)',
      'Une image système prise comme point de restauration',
      'Les dernières feuilles de travail et le dossier de sauvegarde ($Backup) à disposition',
      'Session ouverte en tant que membre de RTCUniversalServerAdmins (et des administrateurs locaux)',
    ],
  },
  rows: {
    userdata: 'Base de données Rtc sur le serveur principal pour les données utilisateur',
    configuration: 'Base de données Xds dans la configuration de la topologie (globale) du magasin central de gestion',
    lis: 'Base de données Lis dans le magasin central de gestion pour les informations d’emplacement E9-1-1 (global)',
    rgs: 'Base de données RgsConfig sur le serveur principal pour la configuration (pool) Response Group',
    archiving: 'Base de données LcsLog (nom par défaut) sur le serveur de base de données d’archivage',
    'monitoring-cdr': 'Base de données LcsCdr sur le serveur de base de données de surveillance pour l’enregistrement des détails des appels',
    'monitoring-qoe': 'Base de données QoEMetrics sur le serveur de base de données de surveillance pour des données de qualité de l’expérience (QoE)',
    persistentchat: 'Base de données de conversation permanente',
    'sql-other': 'Base de données non citée par la documentation de sauvegarde',
    filestore: 'Magasin de fichiers Lync Server',
    'callpark-moh': 'Musique d’attente personnalisée du parcage d’appel',
    announcements: 'Fichiers audio des annonces',
    certificates: 'Certificats et clés privées',
    'ad-ds': 'Services de domaine Active Directory',
    infrastructure: 'Configuration de l’infrastructure',
  },
  tools: {
    'Export-CsUserData cmdlet': 'Applet de commande Export-CsUserData',
    'Export-CsConfiguration cmdlet': 'Applet de commande Export-CsConfiguration',
    'Export-CsLisConfiguration cmdlet': 'Applet de commande Export-CsLisConfiguration',
    'Export-CsRgsConfiguration cmdlet': 'Applet de commande Export-CsRgsConfiguration',
    'SQL Server management tool': 'Outil de gestion SQL Server',
    'SQL Server management tool or Export-CsPersistentChatData cmdlet': 'Outil de gestion SQL Server ou applet de commande Export-CsPersistentChatData',
    'Standard backup tool, such as Robocopy': 'Outil de sauvegarde standard comme Robocopy',
    Xcopy: 'Xcopy',
  },
  notes: {
    filestore: ['Les fichiers nommés Meeting.Active ne doivent pas être sauvegardés. Ces fichiers sont utilisés et verrouillés lors d’une réunion.'],
    lis: [
      'Non répliqué vers le pool de sauvegarde : après un basculement, importez la dernière sauvegarde LIS dans le pool de sauvegarde.',
      'N’écrase pas un fichier existant ; depuis une session distante, utilisez -AsBytes.',
    ],
    rgs: ['Non répliqué par le service de sauvegarde de Lync Server 2013.'],
    configuration: ['Sauvegardez aussi après chaque modification. Un serveur Edge reconstruit importe ce fichier avec Import-CsConfiguration -LocalStore.'],
    persistentchat: ['Une sauvegarde SQL Server est environ 20 fois plus volumineuse que le fichier d’Export-CsPersistentChatData. La restauration ne revient qu’à la dernière sauvegarde complète.'],
    'callpark-moh': ['Couvert par aucun mécanisme de récupération d’urgence. Restauration : Xcopy dans le dossier CPS du nouveau pool, puis Set-CsCpsConfiguration.'],
    announcements: ['Conservez aussi les fichiers audio d’origine. Restauration : Import-CsAnnouncementFile et New-CsAnnouncement.'],
    archiving: ['Après une restauration, vérifiez que RTCComponentUniversalServices a le rôle ServerRole.'],
    'monitoring-cdr': ['Après une restauration, vérifiez que RTCComponentUniversalServices a le rôle ServerRole.'],
    'monitoring-qoe': ['Après une restauration, vérifiez que RTCComponentUniversalServices a le rôle ServerRole.'],
    'sql-other': ['Vérifiez si cette base de données doit être sauvegardée.'],
  },
  versionNotes: {
    rgs: {
      sfb2015: ['Non répliqué par le service de sauvegarde de Skype Entreprise Server 2015.'],
      sfb2019: ['Répliqué vers le pool associé par le service de sauvegarde uniquement à partir de la mise à jour cumulative de juillet 2019, une fois Set-CsBackupServiceConfiguration -EnableRgsBackupService 1 exécutée ; conservez cette exportation.'],
    },
  },
  noBackupReasons: {
    rtcdyn: 'Les données utilisateur temporaires de cette base de données ne sont pas nécessaires pour la restauration du service.',
    rtcab: 'La base de données du carnet d’adresses est automatiquement recréée à partir de la liste d’adresses globale dans les services de domaine Active Directory.',
    rtcab1: 'La base de données du carnet d’adresses est automatiquement recréée à partir de la liste d’adresses globale dans les services de domaine Active Directory.',
    rgsdyn: 'Les données du service Response Group temporaires de cette base de données ne sont pas nécessaires pour la restauration du service.',
    cpsdyn: 'Les informations dynamiques pour cette application de parcage d’appel ne sont pas nécessaires pour la restauration du service.',
    mgccomp: 'La base de données de conformité pour la conversation permanente n’est pas nécessaire pour la restauration de service.',
    rtcshared: 'Recréée par Install-CsDatabase ou l’Assistant Déploiement ; les données utilisateur qu’elle sert sont sauvegardées avec Export-CsUserData.',
  },
  poolConfig: (kind) => `Pool ${kind} : la configuration provient du magasin central de gestion (Export-CsConfiguration) ; les membres sont reconstruits avec l’Assistant Déploiement.`,
  serviceText: {
    userdata: (p) => `Données utilisateur répliquées vers ${p} (UserServices.PresenceFocus).`,
    conference: (pairs) => `Contenu de conférence répliqué (ConfServices.DataConf) : ${pairs}.`,
    cms: (p) => `Copie de secours conservée dans ${p} (CentralMgmt.CMSMaster).`,
  },
  doesNotProtect: [
    'Données du service d’informations d’emplacement (E9-1-1)',
    'Configuration Response Group et paramètres de niveau application',
    'Paramètres du parcage d’appel et musique d’attente personnalisée',
    'Fichiers audio et configuration des annonces',
    'Bases de données d’archivage et de surveillance',
    'Services de domaine Active Directory, certificats, DNS, équilibreurs de charge, IIS, pare-feu, passerelles RTC, Exchange / messagerie unifiée',
    'Utilisateurs hébergés sur des Survivable Branch Appliances',
  ],
  doesNotProtectPersistentChat: 'Conversation permanente (sa propre conception de reprise après sinistre)',
  other: {
    certificates: { content: 'Certificats de serveur et clés privées de chaque serveur (et l’autorité de certification émettrice)', tool: 'Exportation du certificat (clés exportables) ou nouvelle demande auprès de l’autorité de certification' },
    'ad-ds': { content: 'Attributs SIP des utilisateurs, objets contact Response Group et CAA, point de connexion de service du magasin central de gestion, groupes RTC', tool: 'Sauvegarde des services de domaine Active Directory, en même temps que les sauvegardes Lync Server' },
    infrastructure: { content: 'Enregistrements DNS, adresses IP, équilibreurs de charge, IIS, pare-feu, passerelles RTC et Survivable Branch Appliances, Exchange / messagerie unifiée', tool: 'La procédure du fournisseur ou du responsable' },
  },
};
