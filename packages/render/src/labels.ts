import { plannerWords, type DocumentMeta, type Lang } from '@lyncdr/documents';

/** The few fixed words the renderer prints itself (page numbers, step fields, signature lines), in en and fr. */
export interface RenderLabels {
  page(n: number, of: number): string;
  generated: string;
  revision: string;
  /** Before the short topology fingerprint in the page footer and the header line. */
  fingerprint: string;
  /** The planners line under the title: `Planners: paris https://… (this planner) · london https://…`. */
  planners: string;
  thisPlanner: string;
  step: string;
  runOn: string;
  duration(minutes: number): string;
  verify: string;
  started: string;
  finished: string;
  initials: string;
  reference: string;
  manual: string;
  name: string;
  signature: string;
  date: string;
  note: string;
  warning: string;
  erratum: string;
  continued: string;
  /** `label: ` in English, `label : ` (no-break space) in French. */
  colon: string;
}

const en: RenderLabels = {
  page: (n, of) => `page ${n} of ${of}`,
  generated: 'generated',
  revision: 'rev.',
  fingerprint: 'topology',
  planners: 'Planners',
  thisPlanner: 'this planner',
  step: 'Step',
  runOn: 'Run on',
  duration: (m) => `Expected duration: ${m} min`,
  verify: 'Verify',
  started: 'Started',
  finished: 'Finished',
  initials: 'Initials',
  reference: 'Reference',
  manual: 'Manual step',
  name: 'Name',
  signature: 'Signature',
  date: 'Date',
  note: 'Note',
  warning: 'Warning',
  erratum: 'Erratum',
  continued: '(continued)',
  colon: ': ',
};

const fr: RenderLabels = {
  page: (n, of) => `page ${n} sur ${of}`,
  generated: 'généré le',
  revision: 'rév.',
  fingerprint: 'topologie',
  planners: 'Planificateurs',
  thisPlanner: 'ce planificateur',
  step: 'Étape',
  runOn: 'Exécuter sur',
  duration: (m) => `Durée prévue : ${m} min`,
  verify: 'Vérification',
  started: 'Début',
  finished: 'Fin',
  initials: 'Initiales',
  reference: 'Référence',
  manual: 'Étape manuelle',
  name: 'Nom',
  signature: 'Signature',
  date: 'Date',
  note: 'Remarque',
  warning: 'Avertissement',
  erratum: 'Erratum',
  continued: '(suite)',
  colon: '\u00a0: ',
};

/** The planners that watch the deployment in one line (null when the document names none: made offline). */
export function plannersLine(meta: DocumentMeta, L: RenderLabels): string | null {
  if (!meta.planners?.length) return null;
  return `${L.planners}${L.colon}${meta.planners.map((p) => plannerWords(p, L.thisPlanner)).join(' · ')}`;
}

export function labelsFor(lang: Lang): RenderLabels {
  return lang === 'fr' ? fr : en;
}
