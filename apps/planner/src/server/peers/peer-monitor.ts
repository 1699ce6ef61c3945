import type { Logger } from '@lyncdr/logger';
import { initialPeerState, isDown, peerAnswered, peerFailed, type PeerState } from './peer-state';
import { SyncState } from './sync-state';

/** A peer as the monitor polls it: its base URL and a read token issued on it. */
export interface PeerTarget {
  name: string;
  url: string;
  token: string;
}

/** Reads a peer's GET /api/sync-state; throws an Error whose message says why it could not. */
export type FetchSync = (peer: PeerTarget, timeoutMs: number) => Promise<SyncState>;

export interface PeerMonitor {
  /** Polls every peer now, then every `pollMs`. */
  start(): void;
  stop(): void;
  /** One round of polls (all peers at once); resolves when every poll is through. */
  pollNow(): Promise<void>;
  states(): PeerState[];
  /** The peers down now: no answer for `downAfterMs`. */
  down(): Set<string>;
  /** Since when a peer has not answered; null while it answers (and for a name it does not know). */
  silentSince(name: string): string | null;
}

/** GET <url>/api/sync-state with the read token, bounded by `timeoutMs`; the answer must be a planner's sync state. */
export const fetchSyncState: FetchSync = async (peer, timeoutMs) => {
  const get = () => fetch(`${peer.url}/api/sync-state`, {
    headers: { authorization: `Bearer ${peer.token}`, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs), redirect: 'error',
  });
  let res: Response;
  try {
    // A kept-alive connection the peer closed (it restarted) fails at once: one more try on a new connection.
    res = await get().catch((e: Error & { cause?: { code?: string } }) => (e.cause?.code === 'UND_ERR_SOCKET' ? get() : Promise.reject(e)));
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError') throw new Error(`no answer within ${timeoutMs / 1000} s`);
    throw new Error(err.cause?.message || err.cause?.code || err.message);
  }
  if (res.status === 401 || res.status === 403) {
    await res.body?.cancel();
    throw new Error(`the read token was refused (HTTP ${res.status}); issue one on ${peer.name}: lyncdr agents add <name> --role read`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(`HTTP ${res.status} from /api/sync-state`);
  }
  const parsed = SyncState.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new Error('the answer is not a lyncdr planner\'s sync state');
  return parsed.data;
};

/**
 * Polls each peer's sync state on a schedule (bounded by a timeout; the next round comes one interval after the last
 * one is through) and keeps what it learns. `onChange` is called when a peer starts or stops answering, and when it
 * becomes down, so the peer items are judged again at once.
 */
export function createPeerMonitor(deps: {
  peers: readonly PeerTarget[];
  ours: () => SyncState;
  now: () => Date;
  log: Logger;
  pollMs: number;
  timeoutMs: number;
  downAfterMs: number;
  fetchSync?: FetchSync;
  onChange?: () => void;
}): PeerMonitor {
  const fetchSync = deps.fetchSync ?? fetchSyncState;
  const start = deps.now();
  const states = new Map(deps.peers.map((p) => [p.name, initialPeerState(p.name, p.url, start)]));
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let round: Promise<void> | null = null;
  let lastDown = '';

  const down = () => {
    const now = deps.now();
    return new Set([...states.values()].filter((s) => isDown(s, now, deps.downAfterMs)).map((s) => s.name));
  };

  const pollOne = async (peer: PeerTarget) => {
    const before = states.get(peer.name);
    if (!before) return;
    let after: PeerState;
    try {
      const theirs = await fetchSync(peer, deps.timeoutMs);
      after = peerAnswered(before, theirs, deps.ours(), deps.now());
      if (before.reachable !== true) deps.log.info('peer.reachable', { peer: peer.name, url: peer.url });
    } catch (e) {
      after = peerFailed(before, (e as Error).message, deps.now());
      if (before.reachable !== false) deps.log.warn('peer.unreachable', { peer: peer.name, url: peer.url, error: after.error });
    }
    states.set(peer.name, after);
    return before.reachable !== after.reachable;
  };

  const pollNow = (): Promise<void> => {
    round ??= (async () => {
      try {
        const flips = await Promise.all(deps.peers.map(pollOne));
        const downNow = [...down()].sort().join(',');
        if (flips.some(Boolean) || downNow !== lastDown) {
          if (downNow !== lastDown) deps.log[downNow ? 'warn' : 'info']('peer.down', { down: downNow || '(none)' });
          lastDown = downNow;
          deps.onChange?.();
        }
      } finally {
        round = null;
      }
    })();
    return round;
  };

  const schedule = () => {
    if (!running) return;
    timer = setTimeout(() => {
      timer = null;
      void pollNow().finally(schedule);
    }, deps.pollMs);
    timer.unref();
  };

  return {
    start() {
      if (running || !deps.peers.length) return;
      running = true;
      void pollNow().finally(schedule);
    },
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    pollNow,
    states: () => [...states.values()],
    down,
    silentSince(name) {
      const s = states.get(name);
      return s && s.reachable !== true ? s.since : null;
    },
  };
}
