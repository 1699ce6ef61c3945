import { formatDuration } from '@lyncdr/domain';
import type { StatusEntry } from '@lyncdr/protocol';
import { compareSync, type SyncGap, type SyncState } from './sync-state';

/** What this planner knows of one peer, from its own polls. */
export interface PeerState {
  name: string;
  url: string;
  /** null before the first poll came back. */
  reachable: boolean | null;
  /** Since when the peer has been reachable, or not (the monitor's start before any answer). */
  since: string;
  /** The last answer. */
  lastAnswer: string | null;
  lastPoll: string | null;
  /** Why the last poll failed; null after an answer. */
  error: string | null;
  /** The peer's own figures, from its last answer. */
  sync: SyncState | null;
  /** How the peer compares with this planner at its last answer. */
  gap: SyncGap | null;
}

export const initialPeerState = (name: string, url: string, now: Date): PeerState => ({
  name, url, reachable: null, since: now.toISOString(), lastAnswer: null, lastPoll: null, error: null, sync: null, gap: null,
});

/** The peer answered: reachable (since now if it was not), compared with our own state. */
export function peerAnswered(s: PeerState, theirs: SyncState, ours: SyncState, now: Date): PeerState {
  const at = now.toISOString();
  return { ...s, reachable: true, since: s.reachable === true ? s.since : at, lastAnswer: at, lastPoll: at, error: null, sync: theirs, gap: compareSync(ours, theirs) };
}

/** The poll failed (no answer in time, refused, not a planner): unreachable since the first failure. */
export function peerFailed(s: PeerState, error: string, now: Date): PeerState {
  const at = now.toISOString();
  return { ...s, reachable: false, since: s.reachable === false ? s.since : s.reachable === null ? s.since : at, lastPoll: at, error };
}

/** Down: no answer for `downAfterMs` (counted from the monitor's start when the peer never answered). */
export function isDown(s: PeerState, now: Date, downAfterMs: number): boolean {
  return s.reachable !== true && now.getTime() - Date.parse(s.since) >= downAfterMs;
}

/** The status item of a peer. */
export const peerItemId = (name: string) => `peer:${name}`;

const seconds = (ms: number) => Math.max(0, Math.round(ms / 1000));

const spanWords = (s: number) => formatDuration(s * 1000);

/**
 * The `peer:<name>` entry: unknown before the first answer (until the peer is down), ok while it answers (the reason
 * says how far behind it is), ok with "no answer since" while it has been unreachable for less than `downAfterMs`,
 * failed once it is down. The reason's code and parameters let the dashboard say it in French.
 */
export function peerEntry(s: PeerState, now: Date, downAfterMs: number): StatusEntry {
  const base = { itemId: peerItemId(s.name), lastGood: s.lastAnswer, ageSeconds: s.lastAnswer ? seconds(now.getTime() - Date.parse(s.lastAnswer)) : null };
  const forSeconds = seconds(now.getTime() - Date.parse(s.since));
  const downAfterSeconds = seconds(downAfterMs);
  if (isDown(s, now, downAfterMs)) {
    const params = { peer: s.name, url: s.url, since: s.since, forSeconds, error: s.error, lastAnswer: s.lastAnswer };
    const reason = `peer planner ${s.name} (${s.url}) has not answered for ${spanWords(forSeconds)}` +
      `${s.lastAnswer ? '' : ', never since this planner started'}${s.error ? ` (${s.error})` : ''}`;
    return { ...base, status: 'failed', reason, reasonCode: 'peer.down', reasonParams: params };
  }
  if (s.reachable === null) {
    return { ...base, status: 'unknown', reason: `peer planner ${s.name} (${s.url}) not polled yet`, reasonCode: 'peer.notPolled', reasonParams: { peer: s.name, url: s.url } };
  }
  if (s.reachable === false) {
    const reason = `peer planner ${s.name} has not answered for ${spanWords(forSeconds)}${s.error ? ` (${s.error})` : ''}; down after ${spanWords(downAfterSeconds)}`;
    return { ...base, status: 'ok', reason, reasonCode: 'peer.noAnswer', reasonParams: { peer: s.name, since: s.since, forSeconds, error: s.error, downAfterSeconds } };
  }
  const gap = s.gap;
  const behind = gap?.behindSeconds ?? 0, missing = gap?.agentsMissing.length ?? 0, lacking = gap?.reportsLacking ?? 0;
  const parts = [`peer planner ${s.name} answers`];
  if (behind > 0) parts.push(`behind by ${spanWords(behind)}`);
  if (missing > 0) parts.push(`no report yet from ${missing} agent(s) this planner has heard`);
  if (lacking > 0) parts.push(`${lacking} report(s) fewer`);
  if (parts.length === 1) parts.push('up to date');
  return {
    ...base, status: 'ok', reason: parts.join('; '), reasonCode: 'peer.reachable',
    reasonParams: { peer: s.name, behindSeconds: behind, agentsMissing: missing, reportsLacking: lacking },
  };
}
