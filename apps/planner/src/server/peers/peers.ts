import { LyncdrError } from '@lyncdr/errors';
import type { Logger } from '@lyncdr/logger';
import type { StatusEntry } from '@lyncdr/protocol';
import type { Store } from '@lyncdr/store';
import { sendJson } from '../../http/respond';
import type { Route } from '../../http/router';
import type { Family } from '../http/metrics-text';
import { createAlertGate, type AlertGate } from './alert-gate';
import { alertOrder, peerToken, type PeerConfig, type PeeringConfig, type SelfConfig } from './peer-config';
import { createPeerMonitor, type FetchSync, type PeerMonitor } from './peer-monitor';
import { isDown, peerEntry } from './peer-state';
import { readSyncState } from './sync-state';

/** A planner as printed in document headers: its name (null without `self:`) and URL. */
export interface PlannerUrl {
  name: string | null;
  url: string;
  /** This planner (the one that made the document). */
  self: boolean;
}

/** The planner's peers: sync state served, peers polled, their items, the alert gate, routes, metrics, URLs. */
export interface Peers {
  /** Starts polling; `url` is where this planner listens (its public URL when `self.url` is not set). */
  start(url: string): void;
  stop(): void;
  readonly monitor: PeerMonitor;
  /** The gate the notifier asks before it sends; null without peers (this planner always sends). */
  readonly gate: AlertGate | null;
  /** The `peer:<name>` status entries of now. */
  entries(now: Date): StatusEntry[];
  /** GET /api/sync-state (on every planner) and GET /api/peers. */
  readonly routes: Route[];
  metrics(): Family[];
  /** This planner first, then its peers; empty without `self:` (documents then print no planner). */
  planners(): PlannerUrl[];
}

export function createPeers(deps: {
  config: { self: SelfConfig | null; peers: PeerConfig[]; peering: PeeringConfig; alerts: { peerOrder: string[] | null } };
  store: Pick<Store, 'countReports' | 'listTokens'>;
  now: () => Date;
  log: Logger;
  /** A peer's state changed (answers again, stopped answering, down): judge the items again. */
  onChange: () => void;
  env?: NodeJS.ProcessEnv;
  fetchSync?: FetchSync;
}): Peers {
  const { config, store, now } = deps;
  const selfName = config.self?.name ?? null;
  const targets = config.peers.map((p, i) => {
    const token = peerToken(p, deps.env ?? process.env);
    if (!token) throw new LyncdrError('E_CONFIG', `peer ${p.name}: the environment variable ${p.tokenEnv ?? ''} is not set; set it to a read token issued on ${p.name}`, { location: { where: `peers.${i}.tokenEnv` } });
    return { name: p.name, url: p.url, token };
  });
  const downAfterMs = config.peering.downAfterSeconds * 1000;
  const order = alertOrder(config);
  const ours = () => readSyncState(store, now(), selfName);
  const monitor = createPeerMonitor({
    peers: targets, ours, now, log: deps.log, onChange: deps.onChange, downAfterMs,
    pollMs: config.peering.pollSeconds * 1000, timeoutMs: config.peering.timeoutSeconds * 1000,
    ...(deps.fetchSync ? { fetchSync: deps.fetchSync } : {}),
  });
  const gate = selfName && targets.length ? createAlertGate({ order, self: selfName, down: () => monitor.down(), silentSince: (n) => monitor.silentSince(n) }) : null;
  let listenUrl: string | null = null;
  const selfUrl = () => config.self?.url ?? listenUrl;

  const view = () => {
    const at = now();
    const decision = gate?.decide() ?? { send: true as const };
    return {
      self: { name: selfName, url: selfUrl() },
      order,
      sender: decision.send ? selfName : decision.sender,
      peers: monitor.states().map((s) => ({ ...s, down: isDown(s, at, downAfterMs) })),
    };
  };

  return {
    start(url) {
      listenUrl = url;
      monitor.start();
    },
    stop: () => monitor.stop(),
    monitor,
    gate,
    entries: (at) => monitor.states().map((s) => peerEntry(s, at, downAfterMs)),
    routes: [
      { method: 'GET', path: '/api/sync-state', role: 'read', handle: ({ res }) => sendJson(res, 200, ours()) },
      { method: 'GET', path: '/api/peers', role: 'read', handle: ({ res }) => sendJson(res, 200, view()) },
    ],
    metrics() {
      const at = now();
      const states = monitor.states();
      if (!states.length) return [];
      const per = (value: (s: (typeof states)[number]) => number) => states.map((s) => ({ labels: { peer: s.name }, value: value(s) }));
      return [
        { name: 'lyncdr_peer_up', type: 'gauge', help: 'Whether the peer planner answered its last poll (1) or not (0).', samples: per((s) => (s.reachable ? 1 : 0)) },
        { name: 'lyncdr_peer_down', type: 'gauge', help: 'Whether the peer planner is down: no answer for peering.downAfterSeconds.', samples: per((s) => (isDown(s, at, downAfterMs) ? 1 : 0)) },
        { name: 'lyncdr_peer_behind_seconds', type: 'gauge', help: 'How far the peer planner\'s newest reports are behind this planner\'s, at most over the agents (last answer).', samples: per((s) => s.gap?.behindSeconds ?? 0) },
        { name: 'lyncdr_peer_last_answer_timestamp_seconds', type: 'gauge', help: 'Unix time of the peer planner\'s last answer (0 before any).', samples: per((s) => (s.lastAnswer ? Date.parse(s.lastAnswer) / 1000 : 0)) },
        { name: 'lyncdr_alerts_sender', type: 'gauge', help: 'Whether this planner sends the alerts now (1) or leaves them to a peer (0).', samples: [{ value: gate?.decide().send === false ? 0 : 1 }] },
      ];
    },
    planners() {
      const url = selfUrl();
      if (!config.self || !url) return [];
      return [{ name: selfName, url, self: true }, ...config.peers.map((p) => ({ name: p.name, url: p.url, self: false }))];
    },
  };
}
