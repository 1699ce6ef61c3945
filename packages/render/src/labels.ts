import type { Lang } from '@lyncdr/documents';

/** The few fixed words the renderer prints itself (page numbers, step fields, signature lines), in en and fr. */
export interface RenderLabels {
  page(n: number, of: number): string;
  generated: string;
  revision: string;
  /** Before the short topology fingerprint in the page footer and the header line. */
  fingerprint: string;
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

export function labelsFor(lang: Lang): RenderLabels {
  return lang === 'fr' ? fr : en;
}
