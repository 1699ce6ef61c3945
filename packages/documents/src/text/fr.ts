import type { TextCatalog } from './catalog';

const plural = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;

/** French with Microsoft's terms (docs-fr; REFERENCE §h). « restauration automatique » is failback, never restore. */
export const fr: TextCatalog = {
  tbdOwner: 'À compléter — responsable',
  header: { deployment: 'Déploiement', generated: 'Généré le', inputRevision: 'Révision des entrées', source: 'Source de la topologie', language: 'Langue' },
  footer: { confidential: 'Confidentiel — classeur de reprise après sinistre', generatedBy: 'Généré par lyncdr' },
  revision: {
    title: 'Révision',
    fingerprint: 'Empreinte de la topologie',
    version: 'Version de lyncdr',
    generated: 'Généré le',
    inputRevision: 'Révision des entrées',
    planners: 'Planificateurs',
    thisPlanner: 'ce planificateur',
    intro: [
      'L’empreinte identifie le déploiement à partir duquel ce document a été produit (topologie et lyncdr.yaml, quel que soit le format du fichier). Si ',
      ' affiche une autre empreinte pour le déploiement en service, générez et imprimez de nouveau ce document.',
    ],
  },
  pageOf: (page, total) => `Page ${page} sur ${total}`,
  status: { ok: 'OK', late: 'En retard', failed: 'Échec', unknown: 'Inconnu' },
  signature: {
    preparedBy: 'Préparé par',
    reviewedBy: 'Vérifié par',
    approvedBy: 'Approuvé par',
    name: 'Nom',
    date: 'Date',
    signature: 'Signature',
    approvalTitle: 'Approbation',
    approvalText:
      'Ce document fait partie du plan de sauvegarde et de restauration. Révisez-le après chaque modification de la topologie et au moins une fois par an, et conservez les copies signées dans un emplacement sécurisé et facile d’accès.',
  },
  words: {
    yes: 'Oui',
    no: 'Non',
    none: 'Aucun',
    notes: 'Remarques',
    reference: 'Référence',
    owner: 'Responsable',
    minutes: (n) => plural(n, 'minute', 'minutes'),
    hours: (n) => plural(n, 'heure', 'heures'),
    days: (n) => plural(n, 'jour', 'jours'),
  },
  terms: {
    failover: 'basculement',
    failback: 'restauration automatique',
    restore: 'restauration',
    backup: 'sauvegarde',
    backupService: 'service de sauvegarde',
    centralManagementStore: 'magasin central de gestion',
    fileStore: 'magasin de fichiers',
    frontEndPool: 'pool frontal',
    edgePool: 'pool de serveurs Edge',
    pairedPools: 'pools couplés',
  },
};
