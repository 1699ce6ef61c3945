import type { Lang } from '../../model';

/** Fixed words of every runbook (section headings, fact labels, sign-off roles), in English and French. */
export interface RunbookLabels {
  purpose: string;
  deployment: string;
  preconditions: string;
  procedure: string;
  notes: string;
  rollback: string;
  references: string;
  signOff: string;
  facts: {
    deployment: string;
    procedure: string;
    pools: string;
    cms: string;
    backupDestination: string;
    owner: string;
    rto: string;
  };
  roles: string[];
  minutes(n: number): string;
  referencesIntro: string;
}

const en: RunbookLabels = {
  purpose: 'Purpose',
  deployment: 'This deployment',
  preconditions: 'Preconditions',
  procedure: 'Procedure',
  notes: 'Notes',
  rollback: 'Rollback',
  references: 'References',
  signOff: 'Sign-off',
  facts: {
    deployment: 'Deployment',
    procedure: 'Procedure id',
    pools: 'Pools covered',
    cms: 'Central Management store',
    backupDestination: 'Backup location ($Backup)',
    owner: 'Owner',
    rto: 'Recovery time objective',
  },
  roles: ['Performed by', 'Verified by', 'Approved by (change owner)'],
  minutes: (n) => `${n} min`,
  referencesIntro: 'Microsoft documentation pages this procedure follows (Lync Server 2013):',
};

const fr: RunbookLabels = {
  purpose: 'Objet',
  deployment: 'Ce déploiement',
  preconditions: 'Conditions préalables',
  procedure: 'Procédure',
  notes: 'Remarques',
  rollback: 'Retour arrière',
  references: 'Références',
  signOff: 'Validation',
  facts: {
    deployment: 'Déploiement',
    procedure: 'Identifiant de la procédure',
    pools: 'Pools concernés',
    cms: 'Magasin central de gestion',
    backupDestination: 'Emplacement de sauvegarde ($Backup)',
    owner: 'Responsable',
    rto: 'Objectif de délai de récupération (RTO)',
  },
  roles: ['Exécuté par', 'Vérifié par', 'Approuvé par (responsable de la modification)'],
  minutes: (n) => `${n} min`,
  referencesIntro: 'Pages de la documentation Microsoft suivies par cette procédure (Lync Server 2013) :',
};

export function runbookLabels(lang: Lang): RunbookLabels {
  return lang === 'fr' ? fr : en;
}
