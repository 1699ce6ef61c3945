import type { DrillStepStatus, DrillStrings } from './strings';

/** French counts: 0 and 1 take the singular. */
const plural = (n: number, one: string, many: string): string => `${n} ${n <= 1 ? one : many}`;

/** Groups thousands with a narrow no-break space: 12 583. */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');

const counted: Record<DrillStepStatus, [string, string]> = {
  pending: ['non commencée', 'non commencées'],
  running: ['en cours', 'en cours'],
  done: ['terminée', 'terminées'],
  failed: ['en échec', 'en échec'],
  skipped: ['ignorée', 'ignorées'],
};

export const drillFr: DrillStrings = {
  title: { drill: 'Rapport d’exercice', real: 'Rapport de basculement' },
  kind: { drill: 'Exercice (répétition)', real: 'Exécution réelle' },
  outcome: { completed: 'Terminé', abandoned: 'Abandonné', inProgress: 'En cours (non terminé)' },
  status: { pending: 'Non commencée', running: 'En cours', done: 'Terminée', failed: 'En échec', skipped: 'Ignorée' },
  header: {
    run: 'Exécution',
    runTitle: 'Intitulé',
    kind: 'Type',
    goal: 'Objectif',
    operator: 'Opérateur',
    started: 'Début',
    finished: 'Fin',
    outcome: 'Résultat',
    fingerprint: 'Empreinte de la topologie',
    version: 'Version de lyncdr',
    generated: 'Généré le',
    inputRevision: 'Révision des entrées',
    timesUtc: 'Toutes les heures sont en UTC.',
  },
  abandonedNote: 'Cette exécution a été abandonnée\u00a0: les étapes encore marquées «\u00a0Non commencée\u00a0» n’ont pas été effectuées.',
  inProgressNote: 'Cette exécution n’est pas terminée\u00a0: les valeurs sont celles connues au moment où ce rapport a été généré.',
  figures: {
    title: 'Valeurs mesurées',
    total: 'Durée totale',
    usersDown: 'Durée d’interruption pour les utilisateurs',
    measuredRto: 'RTO mesuré',
    targetRto: 'RTO cible (selon lyncdr.yaml)',
    microsoftRto: 'Objectif d’ingénierie de Microsoft',
    estimate: 'Estimation du plan',
    difference: 'Écart avec l’estimation',
    steps: 'Étapes',
    events: 'Modifications enregistrées',
    noTarget: 'aucun dans lyncdr.yaml',
    noMicrosoft: 'aucun pour cet objectif',
    met: (m) => `atteint, ${m} sous la cible`,
    missed: (by) => `dépassé de ${by}`,
    microsoft: (rto, rpo) => `RTO de ${rto} min, RPO de ${rpo} min`,
    reference: (page) => `référence\u00a0: ${page}`,
    longer: (d) => `+${d} (plus long que prévu)`,
    shorter: (d) => `−${d} (plus court que prévu)`,
    asEstimated: 'conforme à l’estimation',
    stepCounts: (total, parts) =>
      `${plural(total, 'étape', 'étapes')}${parts.length ? '\u00a0: ' : ''}${parts.map(([s, n]) => plural(n, counted[s][0], counted[s][1])).join(', ')}`,
    microsoftNote: (page) =>
      `L’objectif d’ingénierie de Microsoft court à partir du moment où les administrateurs lancent la procédure de basculement\u00a0: il ne comprend ni le temps nécessaire pour évaluer la situation et prendre la décision, ni le temps nécessaire aux utilisateurs pour se reconnecter après le basculement (${page}).`,
  },
  steps: {
    title: 'Étapes',
    columns: ['N°', 'Étape', 'État', 'Début', 'Fin', 'Durée', 'Estimation', 'Opérateurs'],
    manual: 'manuelle',
    none: 'Le plan de cette exécution ne comporte aucune étape.',
  },
  details: {
    title: 'Détail des étapes',
    status: 'État',
    started: 'Début',
    finished: 'Fin',
    duration: 'Durée',
    operators: 'Opérateurs',
    notes: 'Notes',
    skipReason: 'Motif de l’omission',
    outOfOrder: 'Effectuée hors de l’ordre du plan',
    evidence: 'Preuve',
    bytes: (n) => `${grouped(n)} ${n <= 1 ? 'octet' : 'octets'}`,
    moreLines: (n) => `… ${plural(n, 'ligne supplémentaire non imprimée', 'lignes supplémentaires non imprimées')} (le fichier conservé est identifié par son SHA-256 ci-dessus)`,
  },
  signOff: {
    title: 'Validation',
    text: 'En signant, l’opérateur atteste que ce rapport rend fidèlement compte de l’exécution, et le vérificateur qu’il l’a contrôlé au regard des preuves.',
    operator: 'Opérateur',
    reviewer: 'Vérificateur',
  },
  colon: '\u00a0:',
};
