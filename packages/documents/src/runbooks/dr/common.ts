/**
 * Shared pieces of the disaster-recovery runbooks. The steps come from the DR engine's plans (@lyncdr/domain), so the
 * ordering rules live in one place; this file turns plan steps into runbook steps and holds the rules every
 * failover/failback runbook states (REFERENCE §0 rules 1–2, the seed's -PoolFqdn note).
 */
import { buildState, plan, type DrState, type Goal, type Plan } from '@lyncdr/domain';
import type { Topology } from '@lyncdr/topology';
import type { Lang, Text } from '../../model';
import { renderPlanCommand, renderPlanText } from '../../text/plan-text';
import { pick } from '../common/lang';
import type { RunbookStep } from '../common/procedure';

export const MANAGING = 'lync-server-2013-managing-lync-server-disaster-recovery-high-availability-and-backup-service.md';

/** Front End pools that have a backup pool, optionally only those named with --pool. */
export function pairedPools(t: Topology, named: string[]): string[] {
  const wanted = new Set(named.map((n) => n.toLowerCase()));
  const paired = [...new Set(t.pairs.flat())].sort();
  return paired.filter((p) => wanted.size === 0 || wanted.has(p.toLowerCase()));
}

/** Why a paired-pool runbook cannot be built, or null. */
export function pairedApplies(t: Topology, named: string[]): string | null {
  if (t.pairs.length === 0) return 'this deployment has no paired Front End pools; pool failover needs a backup pool (Topology Builder → Resiliency → Associated Backup Pool, or `pairs:` in lyncdr.yaml)';
  if (named.length > 0 && pairedPools(t, named).length === 0) return `${named.join(', ')} has no backup pool (pairs: ${t.pairs.map((p) => p.join(' <-> ')).join('; ')})`;
  return null;
}

/** The engine's plan for a goal from a state, or null when the goal is impossible there. */
export function tryPlan(goal: Goal, state: DrState, t: Topology): Plan | null {
  try {
    return plan(goal, state, t);
  } catch {
    return null;
  }
}

export function stateWith(t: Topology, input: Record<string, unknown>): DrState {
  return buildState(t, input, 'runbook');
}

/** Plan steps as runbook steps: exact command, verification, where, duration, reference; manual steps spelled out. */
export function runbookSteps(p: Plan, lang: Lang, replace: [string, string][] = []): RunbookStep[] {
  const sub = (s: string): string => replace.reduce((acc, [from, to]) => acc.split(from).join(to), s);
  return p.steps.map((s) => {
    const body: string[] = [...s.instructions, ...s.notes].map((x) => sub(renderPlanText(x, lang)));
    const command = renderPlanCommand(s, lang);
    return {
      title: sub(renderPlanText(s.title, lang)),
      ...(body.length > 0 ? { body: body.join(' ') } : {}),
      commands: command !== null ? [sub(command)] : [],
      ...(s.check ? { verify: sub(renderPlanText(s.check, lang)) } : {}),
      on: s.on ? sub(s.on) : null,
      minutes: s.durationMinutes,
      ref: s.ref,
    };
  });
}

/** The seed's rules, stated in every failover/failback runbook. */
export function poolFqdnRules(lang: Lang): Text[] {
  const t = pick(lang);
  return [
    t(
      '-PoolFqdn always names the pool that suffered the disaster — the users\' home pool — in Invoke-CsPoolFailOver and in Invoke-CsPoolFailBack, never the pool the users are redirected to. Failing back uses the same FQDN as the failover.',
      '-PoolFqdn désigne toujours le pool touché par le sinistre — le pool d’origine des utilisateurs — dans Invoke-CsPoolFailOver comme dans Invoke-CsPoolFailBack, jamais le pool vers lequel les utilisateurs sont redirigés. La restauration automatique utilise le même FQDN que le basculement.',
    ),
    t(
      'Order: if P1\'s users are failed over to P2 and everyone must be served by P1, first fail back P1 (-PoolFqdn P1), then fail over P2 (-PoolFqdn P2). The other order is rejected by the cmdlet. Only one direction of a pair is failed over at a time.',
      'Ordre : si les utilisateurs de P1 sont basculés vers P2 et que tout le monde doit être servi par P1, effectuer d’abord la restauration automatique de P1 (-PoolFqdn P1), puis le basculement de P2 (-PoolFqdn P2). L’ordre inverse est refusé par la cmdlet. Un seul sens d’une paire est basculé à la fois.',
    ),
  ];
}

/** Engine warnings, minus the generic ones a runbook states elsewhere. */
export function planWarnings(p: Plan, lang: Lang): string[] {
  const generic = new Set(['warn.manualSteps', 'warn.unpaired', 'warn.unpairedMore']);
  return p.warnings.filter((w) => !generic.has(w.code)).map((w) => renderPlanText(w, lang));
}
