import type { Plan, Violation } from '@lyncdr/domain';
import { renderGoal, renderPlanCommand, renderPlanText, type Lang } from '@lyncdr/documents';

const LABELS = {
  en: { plan: 'Plan', nothing: 'Nothing to do from this state.', manual: '[manual] ', verify: 'verify', on: 'on', note: 'note', warnings: 'Warnings:' },
  fr: { plan: 'Plan', nothing: 'Rien à faire depuis cet état.', manual: '[manuel] ', verify: 'vérifier', on: 'sur', note: 'note', warnings: 'Avertissements :' },
} as const;

/** Human output of `lyncdr plan`: numbered steps with command, verification, where and how long; then warnings. */
export function formatPlan(p: Plan, lang: Lang = 'en'): string {
  const text = (t: Parameters<typeof renderPlanText>[0]): string => renderPlanText(t, lang);
  const l = LABELS[lang];
  const lines = [`${l.plan}${lang === 'fr' ? ' : ' : ': '}${renderGoal(p.goalSpec, lang)} (lyncdr plan ${p.goal})`, ''];
  if (p.steps.length === 0) lines.push(l.nothing, '');
  for (const s of p.steps) {
    lines.push(`${s.n}. ${s.manual ? l.manual : ''}${text(s.title)}`);
    const command = renderPlanCommand(s, lang);
    if (command) lines.push(`     PS> ${command}`);
    for (const i of s.instructions) lines.push(`     - ${text(i)}`);
    if (s.check) lines.push(`     ${l.verify}: ${text(s.check)}`);
    const where = [s.on ? `${l.on} ${s.on}` : null, s.durationMinutes !== null ? `~${s.durationMinutes} min` : null, `ref ${s.ref}`].filter(Boolean);
    lines.push(`     (${where.join('; ')})`);
    for (const n of s.notes) lines.push(`     ${l.note}: ${text(n)}`);
    lines.push('');
  }
  if (p.warnings.length > 0) {
    lines.push(l.warnings);
    for (const w of p.warnings) lines.push(`  ! ${text(w)}`);
  }
  return lines.join('\n') + '\n';
}

export function formatViolation(v: Violation): string {
  return `step ${v.stepN} breaks rule ${v.rule}: ${v.message}\n  reference: ${v.ref}\n`;
}
