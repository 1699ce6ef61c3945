/**
 * The words of DR readiness in English and French: statuses, blockers (by code and parameters, as the planner's API
 * gives them) and the readiness table's labels. English blockers are the domain's own words (blockerInEnglish).
 */
import { blockerInEnglish, formatDuration, type BlockerCode, type ReadinessStatus } from '@lyncdr/domain';
import type { Lang } from '../model';

export interface ReadinessStrings {
  title: string;
  intro: string;
  columns: [string, string, string, string, string];
  status: Record<ReadinessStatus, string>;
  none: string;
  unknown: string;
  goal: Record<string, string>;
}

const en: ReadinessStrings = {
  title: 'DR readiness',
  intro: 'Would each failover work now? Each goal\u2019s disaster plan made from the newest agent reports; RPO is what would be lost, RTO the sum of the steps\u2019 expected durations (docs/readiness.md).',
  columns: ['Goal', 'Status', 'Blockers', 'RPO exposure', 'Estimated RTO'],
  status: { ready: 'ready', 'at-risk': 'at risk', blocked: 'blocked' },
  none: '—',
  unknown: 'unknown',
  goal: { failover: 'Pool failover', 'cms-failover': 'CMS failover', 'edge-failover': 'Edge failover', 'db-failover': 'Back End failover' },
};

const fr: ReadinessStrings = {
  title: 'Préparation à la reprise',
  intro: 'Chaque bascule fonctionnerait-elle maintenant ? Le plan de sinistre de chaque objectif, établi à partir des derniers rapports des agents ; le RPO est ce qui serait perdu, le RTO la somme des durées prévues des étapes (docs/readiness.md).',
  columns: ['Objectif', 'État', 'Obstacles', 'Exposition RPO', 'RTO estimé'],
  status: { ready: 'prêt', 'at-risk': 'à risque', blocked: 'bloqué' },
  none: '—',
  unknown: 'inconnu',
  goal: { failover: 'Bascule de pool', 'cms-failover': 'Bascule du CMS', 'edge-failover': 'Bascule Edge', 'db-failover': 'Bascule du serveur principal (Back End)' },
};

export function readinessStrings(lang: Lang): ReadinessStrings {
  return lang === 'fr' ? fr : en;
}

/** A duration in French words: « 6 h », « 45 min », « 2 j 3 h » (the policy's durations, with « j » for days). */
export function dureeFr(seconds: unknown): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return 'une durée inconnue';
  return formatDuration(Math.abs(seconds) * 1000).replace(/ d( |$)/, ' j$1');
}

const names = (v: unknown): string => (Array.isArray(v) ? v.map(String).join(', ') : String(v));

function blockerInFrench(code: BlockerCode, p: Record<string, unknown>): string {
  switch (code) {
    case 'plan-impossible': return `le plan ne peut pas être établi maintenant : ${String(p.reason)}`;
    case 'no-backup-pool': return `aucun pool de sauvegarde : ${String(p.pool)} n’est pas jumelé, ses utilisateurs ne peuvent pas basculer`;
    case 'edge-next-hop-on-failed-pool': return `le tronçon suivant du pool Edge est le pool défaillant : ${names(p.edges)} utilise encore ${String(p.pool)} ; pointez-le d’abord vers ${String(p.partner)} (le plan imprimé échouerait à l’étape ${String(p.step)})`;
    case 'step-would-fail': return `l’étape ${String(p.step)} du plan imprimé échouerait maintenant : ${String(p.reason)}`;
    case 'backup-service-error': return `service de sauvegarde en ${String(p.state)} depuis ${dureeFr(p.forSeconds)} (${String(p.pool)} → ${String(p.partner)}) : ${String(p.partner)} ne détient pas les données récentes de ${String(p.pool)}`;
    case 'backup-service-backlog': return `service de sauvegarde en ${String(p.state)} depuis ${dureeFr(p.forSeconds)} (${String(p.pool)} → ${String(p.partner)}) : les modifications pas encore copiées seraient perdues`;
    case 'cms-replica-stale': return `réplica du CMS pas à jour depuis ${dureeFr(p.forSeconds)} : ${names(p.replicas)}`;
    case 'mirror-not-synchronized': return `le miroir du serveur principal de ${String(p.pool)} n’est pas synchronisé : ${names(p.databases)}`;
    case 'copy-late': return `la copie la plus récente de ${String(p.item)} date de ${dureeFr(p.ageSeconds)} (${p.status === 'failed' ? 'en échec' : 'en retard'})`;
    case 'facts-unknown': return `inconnu maintenant (aucun rapport récent) : ${names(p.facts)}`;
    case 'rpo-over-target': return `l’exposition RPO de ${dureeFr(p.rpoSeconds)} dépasse l’objectif de ${dureeFr(Number(p.targetMinutes) * 60)}`;
    case 'rto-over-target': return `le RTO estimé de ${dureeFr(Number(p.rtoMinutes) * 60)} dépasse l’objectif de ${dureeFr(Number(p.targetMinutes) * 60)}`;
  }
}

/** A blocker in words, from its code and parameters. */
export function blockerWords(b: { code: BlockerCode; params: Record<string, unknown> }, lang: Lang): string {
  return lang === 'fr' ? blockerInFrench(b.code, b.params) : blockerInEnglish(b.code, b.params);
}

/** A duration in seconds in words (RPO exposure). */
export function durationWords(seconds: number, lang: Lang): string {
  return lang === 'fr' ? dureeFr(seconds) : formatDuration(Math.abs(seconds) * 1000);
}
