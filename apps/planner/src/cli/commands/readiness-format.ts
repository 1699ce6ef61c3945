/** `lyncdr readiness` in words: one block per goal, its status, figures against the targets, blockers and plan line. */
import type { ReadinessReport } from '@lyncdr/domain';
import { blockerWords, durationWords, readinessStrings, type Lang } from '@lyncdr/documents';

const LABELS = {
  en: { title: 'DR readiness', asOf: 'facts as of', noStatus: 'no status snapshot: every fact is unknown', rpo: 'RPO exposure', rto: 'estimated RTO', target: 'target', plan: 'plan', none: 'no goal to plan in this topology' },
  fr: { title: 'Préparation à la reprise', asOf: 'faits au', noStatus: 'aucun instantané d’état : tous les faits sont inconnus', rpo: 'exposition RPO', rto: 'RTO estimé', target: 'objectif', plan: 'plan', none: 'aucun objectif à planifier dans cette topologie' },
} as const;

export function formatReadiness(r: ReadinessReport, o: { lang: Lang; deployment: string | null; statusAt: string | null }): string {
  const l = LABELS[o.lang];
  const s = readinessStrings(o.lang);
  const out = [`${l.title}${o.deployment ? ` — ${o.deployment}` : ''} (${o.statusAt ? `${l.asOf} ${o.statusAt}` : l.noStatus})`, ''];
  if (!r.goals.length) out.push(l.none);
  for (const g of r.goals) {
    const arg = [g.args.pool, g.args.federation, g.args.type].filter(Boolean).join(' / ');
    const target = (v: number | null | undefined): string => (v === null || v === undefined ? '' : ` (${l.target} ${durationWords(v * 60, o.lang)})`);
    const rpo = g.rpoSeconds === null ? s.unknown : durationWords(g.rpoSeconds, o.lang);
    const rto = g.rtoMinutes === null ? s.none : durationWords(g.rtoMinutes * 60, o.lang);
    out.push(`${s.status[g.status].toUpperCase()}  ${s.goal[g.goal] ?? g.goal}${arg ? `${o.lang === 'fr' ? ' : ' : ': '}${arg}` : ''}`);
    out.push(`  ${l.rpo} ${rpo}${target(g.targets?.rpoMinutes)}${o.lang === 'fr' ? ' ; ' : '; '}${l.rto} ${rto}${target(g.targets?.rtoMinutes)}`);
    for (const b of g.blockers) out.push(`  - ${blockerWords(b, o.lang)}${b.step !== null ? ` [${o.lang === 'fr' ? 'étape' : 'step'} ${b.step}]` : ''}`);
    out.push(`  ${l.plan}${o.lang === 'fr' ? ' : ' : ': '}${g.plan}`, '');
  }
  return out.join('\n');
}
