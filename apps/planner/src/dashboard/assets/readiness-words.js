/* The readiness blockers in the page's language, from their code and parameters (the printed worksheets' words); no browser globals. */
import { span } from './reasons.js';

const names = (v) => (Array.isArray(v) ? v.map(String).join(', ') : String(v));
const dur = (s) => (typeof s === 'number' && Number.isFinite(s) ? span(s, 'fr') : 'une durée inconnue');

const fr = {
  'plan-impossible': (p) => `le plan ne peut pas être établi maintenant : ${String(p.reason)}`,
  'no-backup-pool': (p) => `aucun pool de sauvegarde : ${String(p.pool)} n’est pas jumelé, ses utilisateurs ne peuvent pas basculer`,
  'edge-next-hop-on-failed-pool': (p) => `le tronçon suivant du pool Edge est le pool défaillant : ${names(p.edges)} utilise encore ${String(p.pool)} ; pointez-le d’abord vers ${String(p.partner)} (le plan imprimé échouerait à l’étape ${String(p.step)})`,
  'step-would-fail': (p) => `l’étape ${String(p.step)} du plan imprimé échouerait maintenant : ${String(p.reason)}`,
  'backup-service-error': (p) => `service de sauvegarde en ${String(p.state)} depuis ${dur(p.forSeconds)} (${String(p.pool)} → ${String(p.partner)}) : ${String(p.partner)} ne détient pas les données récentes de ${String(p.pool)}`,
  'backup-service-backlog': (p) => `service de sauvegarde en ${String(p.state)} depuis ${dur(p.forSeconds)} (${String(p.pool)} → ${String(p.partner)}) : les modifications pas encore copiées seraient perdues`,
  'cms-replica-stale': (p) => `réplica du CMS pas à jour depuis ${dur(p.forSeconds)} : ${names(p.replicas)}`,
  'mirror-not-synchronized': (p) => `le miroir du serveur principal de ${String(p.pool)} n’est pas synchronisé : ${names(p.databases)}`,
  'copy-late': (p) => `la copie la plus récente de ${String(p.item)} date de ${dur(p.ageSeconds)} (${p.status === 'failed' ? 'en échec' : 'en retard'})`,
  'facts-unknown': (p) => `inconnu maintenant (aucun rapport récent) : ${names(p.facts)}`,
  'rpo-over-target': (p) => `l’exposition RPO de ${dur(p.rpoSeconds)} dépasse l’objectif de ${dur(Number(p.targetMinutes) * 60)}`,
  'rto-over-target': (p) => `le RTO estimé de ${dur(Number(p.rtoMinutes) * 60)} dépasse l’objectif de ${dur(Number(p.targetMinutes) * 60)}`,
};

/** A blocker in `lang`: the planner's English message, or the French words of its code (the message when the code is new). */
export function blockerText(b, lang) {
  if (lang !== 'fr' || !b?.params || !Object.hasOwn(fr, b.code)) return b?.message ?? '';
  try {
    return fr[b.code](b.params);
  } catch {
    return b.message ?? '';
  }
}

export const blockerCodes = Object.keys(fr);
