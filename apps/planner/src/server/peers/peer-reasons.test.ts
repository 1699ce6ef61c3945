import { describe, expect, it } from 'vitest';
import type { StatusEntry } from '@lyncdr/protocol';
import { initialPeerState, peerAnswered, peerEntry, peerFailed } from './peer-state';
import type { SyncState } from './sync-state';

type Entry = Pick<StatusEntry, 'reason' | 'reasonCode' | 'reasonParams'>;
const assetPath = '../../dashboard/assets/reasons.js';
const { formatReason } = (await import(assetPath)) as { formatReason: (entry: Entry, lang: string) => string };

const t = (s: string) => new Date(`2026-12-04T${s}Z`);
const sync = (reports: number, agents: Record<string, string>): SyncState => ({ planner: 'p', at: '2026-12-04T10:00:00.000Z', reports, newestReport: null, agents });
const DOWN = 90_000;

describe('the peer:<name> reasons in the dashboard', () => {
  const start = initialPeerState('london', 'https://lyncdr-london.contoso.example:8470', t('10:00:00'));
  const answered = peerAnswered(start, sync(1, { fe01: '2026-12-04T07:00:00.000Z' }), sync(3, { fe01: '2026-12-04T09:58:00.000Z', fe02: '2026-12-04T09:00:00.000Z' }), t('10:00:10'));
  const silent = peerFailed(answered, 'connect ECONNREFUSED 10.0.0.2:8470', t('10:00:40'));
  const cases: [string, Entry][] = [
    ['not polled', peerEntry(start, t('10:00:01'), DOWN)],
    ['behind', peerEntry(answered, t('10:00:10'), DOWN)],
    ['up to date', peerEntry(peerAnswered(start, sync(1, {}), sync(1, {}), t('10:00:10')), t('10:00:10'), DOWN)],
    ['no answer', peerEntry(silent, t('10:01:00'), DOWN)],
    ['down', peerEntry(silent, t('10:05:00'), DOWN)],
    ['never answered', peerEntry(peerFailed(start, 'no answer within 5 s', t('10:00:05')), t('10:05:00'), DOWN)],
  ];

  it('says in English exactly what the planner says, and in French without English words', () => {
    for (const [what, e] of cases) {
      expect(formatReason(e, 'en'), what).toBe(e.reason);
      const fr = formatReason(e, 'fr').replace(/\([^)]*(ECONNREFUSED|answer within)[^)]*\)/, '');
      expect(fr, what).not.toMatch(/\b(peer planner|answers|behind|has not|down after|never|up to date|report)\b/);
    }
    expect(formatReason(cases[1]![1], 'fr')).toBe('le planificateur pair london répond ; en retard de 2 h 58 min ; encore aucun rapport de 1 agent(s) que ce planificateur a reçus ; 2 rapport(s) de moins');
  });
});
