/**
 * English words of the readiness blockers (the French ones are in packages/documents, by code and parameters).
 */
import { formatDuration } from '../policy/words';
import type { BlockerCode } from './types';

const dur = (s: unknown): string => (typeof s === 'number' ? formatDuration(s * 1000) : 'an unknown time');
const names = (v: unknown): string => (Array.isArray(v) ? v.map(String).join(', ') : String(v));

export function blockerInEnglish(code: BlockerCode, p: Record<string, unknown>): string {
  switch (code) {
    case 'plan-impossible': return `the plan cannot be made now: ${String(p.reason)}`;
    case 'no-backup-pool': return `no backup pool: ${String(p.pool)} is not paired, so its users cannot be failed over`;
    case 'edge-next-hop-on-failed-pool': return `the Edge pool's next hop is the pool that failed: ${names(p.edges)} still uses ${String(p.pool)}; set it to ${String(p.partner)} first (the printed plan would fail at step ${String(p.step)})`;
    case 'step-would-fail': return `step ${String(p.step)} of the printed plan would fail now: ${String(p.reason)}`;
    case 'backup-service-error': return `Backup Service ${String(p.state)} for ${dur(p.forSeconds)} (${String(p.pool)} → ${String(p.partner)}): ${String(p.partner)} does not hold ${String(p.pool)}'s recent data`;
    case 'backup-service-backlog': return `Backup Service ${String(p.state)} for ${dur(p.forSeconds)} (${String(p.pool)} → ${String(p.partner)}): changes not yet copied would be lost`;
    case 'cms-replica-stale': return `CMS replica not up to date for ${dur(p.forSeconds)}: ${names(p.replicas)}`;
    case 'mirror-not-synchronized': return `the Back End mirror of ${String(p.pool)} is not synchronized: ${names(p.databases)}`;
    case 'copy-late': return `the newest copy of ${String(p.item)} is ${dur(p.ageSeconds)} old (${String(p.status)})`;
    case 'facts-unknown': return `not known now (no recent report): ${names(p.facts)}`;
    case 'rpo-over-target': return `RPO exposure ${dur(p.rpoSeconds)} is over the ${dur(Number(p.targetMinutes) * 60)} target`;
    case 'rto-over-target': return `estimated RTO ${dur(Number(p.rtoMinutes) * 60)} is over the ${dur(Number(p.targetMinutes) * 60)} target`;
  }
}
