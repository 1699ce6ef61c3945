import type { Lang } from '../model';
import type { TextCatalog } from './catalog';
import { en } from './en';
import { fr } from './fr';

export type { TextCatalog } from './catalog';
export { planTemplates, renderGoal, renderPlanCommand, renderPlanText } from './plan-text';

const catalogs: Record<Lang, TextCatalog> = { en, fr };

/** The common text catalog for a language. */
export function textFor(lang: Lang): TextCatalog {
  return catalogs[lang];
}

/** "Page x of y" / « Page x sur y ». */
export function pageOf(lang: Lang, page: number, total: number): string {
  return catalogs[lang].pageOf(page, total);
}

/** Status word for ok / late / failed / unknown. */
export function statusWord(lang: Lang, status: 'ok' | 'late' | 'failed' | 'unknown'): string {
  return catalogs[lang].status[status];
}

/** The blank a person must fill in: "TBD — owner" / « À compléter — responsable ». */
export function tbd(lang: Lang): string {
  return catalogs[lang].tbdOwner;
}

/** Age in words: minutes under 2 hours, hours under 2 days, days beyond. */
export function ageText(lang: Lang, seconds: number): string {
  const w = catalogs[lang].words;
  const min = Math.floor(seconds / 60);
  if (min < 120) return w.minutes(min);
  const h = Math.floor(min / 60);
  if (h < 48) return w.hours(h);
  return w.days(Math.floor(h / 24));
}
