/**
 * Builds the DR state from the topology (+ overlay) and the `--state state.json` input (DESIGN §4, extended with
 * optional keys). A contradictory state is an E_STATE error naming the key and what to change.
 */
import { LyncdrError } from '@lyncdr/errors';
import type { Topology } from '@lyncdr/topology';
import type { DrState, SyncStatus } from './types';
import { findPool, isDown, isEdgePool, isRegistrarPool, sortedPair } from './topology-view';

const SYNC_VALUES: SyncStatus[] = ['SteadyState', 'FinalState', 'NonSteadyState', 'NotInitialized', 'ErrorState', 'unknown'];
const KEYS = ['failedOver', 'down', 'cmsActive', 'cmsAvailable', 'sync', 'principals', 'nextHops', 'federation', 'edgeAssociations', 'conferenceDirectories', 'groupPickup'];

const initialCache = new WeakMap<Topology, DrState>();

/** The state the topology describes: nothing down, nothing failed over, the CMS where the topology puts it. */
export function initialState(t: Topology): DrState {
  const cached = initialCache.get(t);
  if (cached) return structuredClone(cached);
  const state = computeInitialState(t);
  initialCache.set(t, state);
  return structuredClone(state);
}

/** The topology's own state, shared and read-only (for comparing the current state with where things started). */
export function originalState(t: Topology): Readonly<DrState> {
  let cached = initialCache.get(t);
  if (!cached) {
    cached = computeInitialState(t);
    initialCache.set(t, cached);
  }
  return cached;
}

function computeInitialState(t: Topology): DrState {
  const pools = t.pools.filter(isRegistrarPool).map((p) => p.fqdn).sort();
  const pairKeys = new Set<string>();
  const pairs: [string, string][] = [];
  const addPair = (a: string, b: string): void => {
    const pa = findPool(t, a)?.fqdn;
    const pb = findPool(t, b)?.fqdn;
    if (!pa || !pb || pa === pb) return;
    const pair = sortedPair(pa, pb);
    const key = pair.join('|');
    if (!pairKeys.has(key)) {
      pairKeys.add(key);
      pairs.push(pair);
    }
  };
  for (const [a, b] of t.pairs) addPair(a, b);
  for (const p of t.pools) if (p.backupPool) addPair(p.fqdn, p.backupPool);
  const overlayHops = t.overlay?.nextHops ?? {};
  const nextHops: Record<string, string | null> = {};
  for (const p of t.pools.filter(isEdgePool)) {
    const hop = p.nextHop ?? overlayHops[p.fqdn] ?? null;
    nextHops[p.fqdn] = hop ? (findPool(t, hop)?.fqdn ?? hop) : null;
  }
  const edgeAssociations: Record<string, string | null> = {};
  for (const p of t.pools.filter(isRegistrarPool)) edgeAssociations[p.fqdn] = p.edgePool;
  const groupPickup: Record<string, string> = {};
  for (const [pool, ranges] of Object.entries(t.overlay?.groupPickup ?? {})) {
    const fqdn = findPool(t, pool)?.fqdn ?? pool;
    for (const r of ranges) groupPickup[r] = fqdn;
  }
  return {
    down: [],
    failedOver: {},
    pairs: pairs.sort((x, y) => x[0].localeCompare(y[0])),
    pools,
    cmsActive: t.cms ? (findPool(t, t.cms.pool)?.fqdn ?? t.cms.pool) : null,
    cmsAvailable: t.cms !== null,
    principals: {},
    nextHops,
    edgeAssociations,
    federation: {
      lync: t.federation.lyncEdge ?? t.overlay?.federation.lyncEdge ?? null,
      xmpp: t.federation.xmppEdge ?? t.overlay?.federation.xmppEdge ?? null,
    },
    sync: {},
    conferenceDirectories: {},
    abc: {},
    groupPickup,
  };
}

function fail(file: string, where: string, message: string): never {
  throw new LyncdrError('E_STATE', message, { location: { file, where } });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every FQDN the state file may name: pools, their machines, SQL servers and mirrors. */
function knownFqdns(t: Topology): Map<string, string> {
  const m = new Map<string, string>();
  const add = (f: string): void => void m.set(f.toLowerCase(), f);
  for (const p of t.pools) {
    add(p.fqdn);
    p.machines.forEach(add);
  }
  for (const s of t.sqlStores) {
    add(s.server);
    if (s.mirror) add(s.mirror.server);
    if (s.witness) add(s.witness.server);
  }
  return m;
}

/** Reads the parsed JSON of a state file into a DrState, checking it against the topology. */
export function buildState(t: Topology, input: unknown, file = 'state.json'): DrState {
  const state = initialState(t);
  if (input === undefined || input === null) return state;
  if (!isRecord(input)) fail(file, '(root)', 'the state file must be a JSON object like {"failedOver":{},"down":[],"cmsActive":null}');
  for (const k of Object.keys(input)) {
    if (!KEYS.includes(k)) fail(file, k, `unknown key "${k}"; allowed keys: ${KEYS.join(', ')}`);
  }
  const known = knownFqdns(t);
  const canon = (v: unknown, where: string): string => {
    if (typeof v !== 'string' || v.trim() === '') fail(file, where, `${where} must be an FQDN string`);
    const c = known.get(v.trim().toLowerCase());
    if (!c) fail(file, where, `unknown FQDN "${v}" in ${where}: it is not a pool, server or SQL server of the topology; check the spelling`);
    return c;
  };
  const regPool = (v: unknown, where: string): string => {
    const c = canon(v, where);
    if (!isRegistrarPool(findPool(t, c))) fail(file, where, `${c} (${where}) is not a Front End pool or Standard Edition server`);
    return c;
  };
  const edgePool = (v: unknown, where: string): string => {
    const c = canon(v, where);
    if (!isEdgePool(findPool(t, c))) fail(file, where, `${c} (${where}) is not an Edge pool`);
    return c;
  };

  if (input.down !== undefined) {
    if (!Array.isArray(input.down)) fail(file, 'down', 'down must be an array of FQDNs');
    state.down = [...new Set(input.down.map((d, i) => canon(d, `down[${i}]`)))].sort();
  }
  if (input.cmsActive !== undefined && input.cmsActive !== null) {
    state.cmsActive = regPool(input.cmsActive, 'cmsActive');
  }
  if (input.cmsAvailable !== undefined) {
    if (typeof input.cmsAvailable !== 'boolean') fail(file, 'cmsAvailable', 'cmsAvailable must be true or false');
    state.cmsAvailable = input.cmsAvailable;
  }
  if (state.cmsActive && isDown(state, t, state.cmsActive)) state.cmsAvailable = false;

  if (input.failedOver !== undefined) {
    if (!isRecord(input.failedOver)) fail(file, 'failedOver', 'failedOver must be an object {"<home pool>": "<serving pool>"}');
    for (const [home, serving] of Object.entries(input.failedOver)) {
      const where = `failedOver.${home}`;
      const h = regPool(home, where);
      const s = regPool(serving, where);
      const partner = state.pairs.find((p) => p.includes(h));
      if (h === s) fail(file, where, `${h} cannot be failed over to itself; remove the entry or name its backup pool`);
      if (!partner || !partner.includes(s)) {
        fail(file, where, `${h} is failed over to ${s}, but they are not paired${partner ? ` (${h} is paired with ${partner.find((x) => x !== h)})` : ''}; a pool only fails over to its backup pool (REFERENCE §d.1)`);
      }
      if (isDown(state, t, s)) fail(file, where, `${h} is failed over to ${s}, but ${s} is listed as down; a pool cannot serve users while down — fix "down" or "failedOver"`);
      state.failedOver[h] = s;
    }
    for (const [h, s] of Object.entries(state.failedOver)) {
      if (state.failedOver[s] === h) {
        fail(file, `failedOver.${h}`, `both directions of the pair ${h}/${s} are failed over; only one direction can be (REFERENCE §0 rule 2) — keep the one that is true`);
      }
    }
  }
  if (input.sync !== undefined) {
    if (!isRecord(input.sync)) fail(file, 'sync', 'sync must be an object {"<from>><to>": "SteadyState"}');
    for (const [k, v] of Object.entries(input.sync)) {
      const [from, to] = k.split('>');
      if (!from || !to) fail(file, `sync.${k}`, `sync key "${k}" must be "<from pool>><to pool>"`);
      const f = regPool(from, `sync.${k}`);
      const d = regPool(to, `sync.${k}`);
      if (!SYNC_VALUES.includes(v as SyncStatus)) fail(file, `sync.${k}`, `sync status "${String(v)}" must be one of ${SYNC_VALUES.join(', ')}`);
      state.sync[`${f}>${d}`] = v as SyncStatus;
    }
  }
  if (input.principals !== undefined) {
    if (!isRecord(input.principals)) fail(file, 'principals', 'principals must be an object {"<pool>/<DatabaseType>": "primary"|"mirror"}');
    for (const [k, v] of Object.entries(input.principals)) {
      const [pool, type] = k.split('/');
      if (!pool || !type) fail(file, `principals.${k}`, `principals key "${k}" must be "<pool>/<DatabaseType>", e.g. "pool1.contoso.com/User"`);
      const p = regPool(pool, `principals.${k}`);
      if (v !== 'primary' && v !== 'mirror') fail(file, `principals.${k}`, 'principal must be "primary" or "mirror"');
      state.principals[`${p}/${type}`] = v;
    }
  }
  if (input.nextHops !== undefined) {
    if (!isRecord(input.nextHops)) fail(file, 'nextHops', 'nextHops must be an object {"<edge pool>": "<next hop pool>"}');
    for (const [e, hop] of Object.entries(input.nextHops)) {
      state.nextHops[edgePool(e, `nextHops.${e}`)] = hop === null ? null : canon(hop, `nextHops.${e}`);
    }
  }
  if (input.edgeAssociations !== undefined) {
    if (!isRecord(input.edgeAssociations)) fail(file, 'edgeAssociations', 'edgeAssociations must be an object {"<front end pool>": "<edge pool>"}');
    for (const [fe, e] of Object.entries(input.edgeAssociations)) {
      state.edgeAssociations[regPool(fe, `edgeAssociations.${fe}`)] = e === null ? null : edgePool(e, `edgeAssociations.${fe}`);
    }
  }
  if (input.federation !== undefined) {
    if (!isRecord(input.federation)) fail(file, 'federation', 'federation must be an object {"lync": "<edge pool>", "xmpp": "<edge pool>"}');
    for (const k of ['lync', 'xmpp'] as const) {
      const v = input.federation[k];
      if (v !== undefined) state.federation[k] = v === null ? null : edgePool(v, `federation.${k}`);
    }
  }
  if (input.conferenceDirectories !== undefined) {
    if (!isRecord(input.conferenceDirectories)) fail(file, 'conferenceDirectories', 'conferenceDirectories must be an object {"<id>": "<pool>"}');
    for (const [id, pool] of Object.entries(input.conferenceDirectories)) {
      state.conferenceDirectories[id] = regPool(pool, `conferenceDirectories.${id}`);
    }
  }
  if (input.groupPickup !== undefined) {
    if (!isRecord(input.groupPickup)) fail(file, 'groupPickup', 'groupPickup must be an object {"<Call Park orbit identity>": "<pool hosting it now>"}');
    for (const [range, pool] of Object.entries(input.groupPickup)) {
      state.groupPickup[range] = regPool(pool, `groupPickup.${range}`);
    }
  }
  return state;
}
