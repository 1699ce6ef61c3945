/**
 * Renders the DR engine's plan texts ({ code, params }, @lyncdr/domain text.ts) in English or French from the two
 * template catalogs, and a step's command with its blanks (`<TBD:i>`) written as `<TBD — owner: …>` in the language.
 * An unknown code renders as the code itself, so a missing template shows (and the catalog test fails on it).
 */
import { BLANK_RE, type Goal, type PlanText } from '@lyncdr/domain';
import type { Lang } from '../model';
import { en } from './en';
import { fr } from './fr';
import { planEn } from './plan-en';
import { planFr } from './plan-fr';

const catalogs: Record<Lang, Record<string, string>> = { en: planEn, fr: planFr };

/** The template catalog of a language: code → template with `{name}` parameters. */
export function planTemplates(lang: Lang): Readonly<Record<string, string>> {
  return catalogs[lang];
}

export function renderPlanText(t: PlanText, lang: Lang): string {
  const template = catalogs[lang][t.code];
  if (template === undefined) return t.code;
  return template.replace(/\{([A-Za-z]\w*)\}/g, (whole, name: string) => {
    const v = t.params[name];
    if (v === undefined) return whole;
    return typeof v === 'object' ? renderPlanText(v, lang) : String(v);
  });
}

/** A command line with its blanks in the reader's language. */
export function renderPlanCommand(step: { command: string | null; blanks: PlanText[] }, lang: Lang): string | null {
  if (step.command === null) return null;
  return step.command.replace(BLANK_RE, (_m, i: string) => {
    const what = step.blanks[Number(i)];
    const text = what ? renderPlanText(what, lang) : '';
    const owner = (lang === 'fr' ? fr : en).tbdOwner;
    return text ? `<${owner}${lang === 'fr' ? ' : ' : ': '}${text}>` : `<${owner}>`;
  });
}

/** The goal of a plan in words (the heading of a printed plan). */
export function renderGoal(g: Goal, lang: Lang): string {
  const planned = 'planned' in g && g.planned === true && (g.kind === 'failover' || g.kind === 'cms-failover');
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(g)) if (typeof v === 'string' && k !== 'kind') params[k] = v;
  return renderPlanText({ code: `goal.${g.kind}${planned ? '.planned' : ''}`, params }, lang);
}
