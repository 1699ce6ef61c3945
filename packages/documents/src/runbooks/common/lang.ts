import type { Lang } from '../../model';

/** Picks the English or French form of a string: `const t = pick(lang); t('Restore', 'Restauration')`. */
export function pick(lang: Lang): <T>(en: T, fr: T) => T {
  return (en, fr) => (lang === 'fr' ? fr : en);
}
