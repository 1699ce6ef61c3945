import { describe, expect, it } from 'vitest';
import { initialPeerState, isDown, peerAnswered, peerEntry, peerFailed } from './peer-state';
import type { SyncState } from './sync-state';

const t = (s: string) => new Date(`2026-12-04T${s}Z`);
const sync = (agents: Record<string, string>): SyncState => ({ planner: 'p', at: '2026-12-04T10:00:00.000Z', reports: Object.keys(agents).length, newestReport: null, agents });
const DOWN = 90_000;

describe('a peer\'s state and its item', () => {
  it('goes unknown → ok (behind by…) → ok (no answer) → failed (down) → ok', () => {
    let s = initialPeerState('london', 'https://london:8470', t('10:00:00'));
    expect(peerEntry(s, t('10:00:10'), DOWN)).toMatchObject({ itemId: 'peer:london', status: 'unknown', reasonCode: 'peer.notPolled' });

    s = peerAnswered(s, sync({ fe01: '2026-12-04T09:55:00.000Z' }), sync({ fe01: '2026-12-04T09:58:00.000Z', fe02: '2026-12-04T09:00:00.000Z' }), t('10:00:10'));
    expect(peerEntry(s, t('10:00:10'), DOWN)).toMatchObject({
      status: 'ok', reasonCode: 'peer.reachable', reason: 'peer planner london answers; behind by 3 min; no report yet from 1 agent(s) this planner has heard; 1 report(s) fewer',
      reasonParams: { behindSeconds: 180, agentsMissing: 1, reportsLacking: 1 }, lastGood: '2026-12-04T10:00:10.000Z',
    });

    s = peerFailed(s, 'ECONNREFUSED', t('10:00:40'));
    expect(s.since).toBe('2026-12-04T10:00:40.000Z');
    s = peerFailed(s, 'ECONNREFUSED', t('10:01:10'));
    expect(s.since).toBe('2026-12-04T10:00:40.000Z');
    expect(isDown(s, t('10:01:10'), DOWN)).toBe(false);
    expect(peerEntry(s, t('10:01:10'), DOWN)).toMatchObject({ status: 'ok', reasonCode: 'peer.noAnswer', reason: 'peer planner london has not answered for 30 s (ECONNREFUSED); down after 1 min' });
    expect(isDown(s, t('10:02:10'), DOWN)).toBe(true);
    expect(peerEntry(s, t('10:02:10'), DOWN)).toMatchObject({ status: 'failed', reasonCode: 'peer.down', reason: 'peer planner london (https://london:8470) has not answered for 1 min (ECONNREFUSED)', ageSeconds: 120 });

    s = peerAnswered(s, sync({}), sync({}), t('10:03:00'));
    expect(peerEntry(s, t('10:03:00'), DOWN)).toMatchObject({ status: 'ok', reason: 'peer planner london answers; up to date' });
  });

  it('counts a peer that never answered as down from the monitor\'s start', () => {
    let s = initialPeerState('london', 'https://london:8470', t('10:00:00'));
    s = peerFailed(s, 'no answer within 5 s', t('10:00:05'));
    expect(s.since).toBe('2026-12-04T10:00:00.000Z');
    expect(peerEntry(s, t('10:01:30'), DOWN)).toMatchObject({ status: 'failed', reason: 'peer planner london (https://london:8470) has not answered for 1 min, never since this planner started (no answer within 5 s)' });
  });
});
