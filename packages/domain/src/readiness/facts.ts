/**
 * The live facts readiness reads: Backup Service state per pool (its export direction, towards the partner) with the
 * time since it was last seen healthy, CMS replica freshness, mirror state, the age of the newest copies (file stores,
 * SQL databases: the newest log backup when the history says), and the Edge next hops and federation routes of the
 * newest CMS export's topology (the exports collector's `data.topology`) where it names them, else the deployment's.
 * Each fact has its source and age; a fact whose observation is older than its collector's period (plus the policy's
 * grace) is unknown, never assumed (docs/readiness.md).
 */
import type { StatusEntry } from '@lyncdr/protocol';
import { findPool, type Topology } from '@lyncdr/topology';
import type { Evidence } from '../policy/model';
import { field, list } from '../policy/probe';
import { originalState } from '../dr/state';
import type { SyncStatus } from '../dr/types';
import type { ReadinessFact, ReadinessInput } from './types';

/** A fact and whether it is known; `seconds` is the figure it gives (age of a copy, time since healthy), when any. */
export interface Known<T> {
  value: T;
  known: boolean;
  fact: ReadinessFact;
  seconds: number | null;
  item: StatusEntry | null;
}

export interface LiveFacts {
  /** Backup Service of the pool, export direction (pool → its partner). */
  sync(pool: string, partner: string): Known<SyncStatus>;
  /** CMS replicas not up to date (machine FQDNs). */
  cmsReplicas(): Known<string[]>;
  /** Mirrored databases not synchronized (`name: status`), or [] when synchronized. */
  mirror(pool: string): Known<string[]>;
  /** Age of the newest good copy of an inventory item (SQL: the newest log backup when the history says). */
  copy(itemId: string, label: string): Known<number | null>;
  /** Live Edge next hops and federation routes (from the newest CMS export when it says, else the topology). */
  nextHops: Record<string, string | null>;
  federation: { lync: string | null; xmpp: string | null };
  /** Ids (lower case) of the judged items. */
  itemIds: string[];
  /** The facts behind nextHops and federation. */
  routeFacts: ReadinessFact[];
  /** Whether the pool's computers answer, from the agents that run on them: `down` only after REACH_GRACE_SECONDS. */
  reach(pool: string): Known<'up' | 'down' | null>;
}

/** How long every agent of a pool must have been away before the pool counts as down (an agent restart is not a disaster). */
export const REACH_GRACE_SECONDS = 600;

/** The machine names an agent's host may be given as: the FQDN, or its first label (Windows computer names). */
const sameHost = (host: string, machine: string): boolean => {
  const h = host.toLowerCase();
  const m = machine.toLowerCase();
  return h === m || (!h.includes('.') && h === m.split('.')[0]);
};

const NO_REPORT = new Set(['item.noReport', 'probe.noReport', 'probe.failed']);
const SYNC_ORDER: SyncStatus[] = ['ErrorState', 'NotInitialized', 'NonSteadyState'];

function graceSeconds(period: number): number {
  return Math.max(3600, period * 0.25);
}

/** The inventory/probe item id an observation is about (as the policy matches them). */
function itemIdOf(e: Evidence): string {
  const o = e.observation;
  if (o.itemId) return o.itemId.toLowerCase();
  const s = o.subject.toLowerCase();
  switch (o.kind) {
    case 'backup-service': return s.startsWith('backup-service:') ? s : `backup-service:${s}`;
    case 'mirror-state': return s.startsWith('mirror:') ? s : `mirror:${s}`;
    case 'cms-replication': return 'cms-replication:global';
    case 'file-store': return s.startsWith('filestore:') ? s : `filestore:${s}`;
    case 'sql-files':
    case 'sql-history': {
      const slash = s.lastIndexOf('/');
      return slash > 0 ? `sql:${s.slice(slash + 1)}@${s.slice(0, slash)}` : s;
    }
    default: return s;
  }
}

function secondsSince(iso: string | null | undefined, now: Date): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : Math.max(0, Math.round((now.getTime() - t) / 1000));
}

/** The worst export state among Backup Service modules (`ErrorState` first), SteadyState when none is unhealthy. */
export function syncFromModules(modules: readonly unknown[]): SyncStatus {
  const seen = new Set<string>();
  for (const m of modules) {
    if (field(m, 'healthy') === true) continue;
    for (const v of [field(m, 'exportStatus', 'ExportStatus', 'export'), field(m, 'importStatus', 'ImportStatus', 'import')]) if (typeof v === 'string') seen.add(v);
  }
  return SYNC_ORDER.find((s) => seen.has(s)) ?? (seen.size > 0 && [...seen].some((s) => s !== 'SteadyState' && s !== 'FinalState' && s !== 'NormalState') ? 'NonSteadyState' : 'SteadyState');
}

/** The state named in a reason text (`export state ErrorState`), for snapshots that carry only words. */
function syncFromText(text: string): SyncStatus {
  return SYNC_ORDER.find((s) => text.includes(s)) ?? 'NonSteadyState';
}

export function liveFacts(t: Topology, input: ReadinessInput): LiveFacts {
  const now = input.now;
  const items = new Map(input.items.map((i) => [i.itemId.toLowerCase(), i]));
  const newest = new Map<string, Evidence>();
  for (const e of input.evidence ?? []) {
    const id = itemIdOf(e);
    const seen = newest.get(id);
    if (!seen || seen.observedAt < e.observedAt) newest.set(id, e);
  }
  const judgedAge = secondsSince(input.judgedAt, now) ?? 0;

  /** The item, its evidence, the observation's age and whether it is fresh enough to be known. */
  const look = (id: string) => {
    // An export observation (`export:<kind>`) is about every `export:<kind>@<scope>` item.
    const item = items.get(id.toLowerCase()) ?? [...items.entries()].find(([k]) => k.startsWith(`${id.toLowerCase()}@`))?.[1] ?? null;
    const ev = newest.get(id.toLowerCase()) ?? null;
    const ageSeconds = ev ? secondsSince(ev.observedAt, now) : item ? judgedAge : null;
    const period = item?.periodSeconds ?? 3600;
    const known = item !== null && item.status !== 'unknown' && !NO_REPORT.has(item.reasonCode ?? '') && ageSeconds !== null && ageSeconds <= period + graceSeconds(period);
    return { item, ev, ageSeconds, known };
  };
  /** Seconds since the item was last healthy (its lastGood), moved on to now. */
  const sinceGood = (item: StatusEntry | null, ev: Evidence | null): number | null => {
    if (ev?.lastGoodEver || ev?.observation.lastGood) {
      const times = [ev.lastGoodEver, ev.observation.ok ? ev.observation.lastGood : null].filter((x): x is string => Boolean(x)).sort();
      const last = times.pop();
      if (last) return secondsSince(last, now);
    }
    return item?.ageSeconds === null || item?.ageSeconds === undefined ? null : item.ageSeconds + judgedAge;
  };
  const unknownFact = (fact: string, source: string, ageSeconds: number | null): ReadinessFact => ({ fact, value: 'unknown', source, ageSeconds });

  const sync = (pool: string, partner: string): Known<SyncStatus> => {
    const id = `backup-service:${pool}`;
    const { item, ev, ageSeconds, known } = look(id);
    const fact = `backupService:${pool}>${partner}`;
    if (!known || !item) return { value: 'unknown', known: false, fact: unknownFact(fact, id, ageSeconds), seconds: null, item };
    let value: SyncStatus = 'SteadyState';
    if (item.status !== 'ok') {
      const modules = ev ? list(ev.observation.data, 'modules', 'BackupModules') : list(item.reasonParams ?? {}, 'modules');
      value = modules.length ? syncFromModules(modules) : syncFromText(`${item.reason} ${JSON.stringify(item.reasonParams ?? {})}`);
      if (value === 'SteadyState') value = 'NonSteadyState';
    }
    return { value, known: true, fact: { fact, value, source: id, ageSeconds }, seconds: sinceGood(item, ev), item };
  };

  const cmsReplicas = (): Known<string[]> => {
    const id = 'cms-replication:global';
    const { item, ev, ageSeconds, known } = look(id);
    if (!known || !item) return { value: [], known: false, fact: unknownFact('cmsReplicas', id, ageSeconds), seconds: null, item };
    let stale: string[] = [];
    if (ev) {
      stale = list(ev.observation.data, 'replicas', 'Replicas')
        .filter((r) => { const v = field(r, 'upToDate', 'UpToDate'); return !(v === true || v === 'True' || v === 'true'); })
        .map((r) => String(field(r, 'replicaFqdn', 'ReplicaFqdn') ?? '?'));
    } else if (item.status !== 'ok') {
      const p = item.reasonParams?.stale;
      stale = Array.isArray(p) ? p.map(String) : [...`${item.reason} ${JSON.stringify(item.reasonParams ?? {})}`.matchAll(/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+): UpToDate is False/g)].map((m) => m[1] ?? '?');
      if (!stale.length) stale = ['?'];
    }
    const value = stale.length ? `not up to date: ${stale.join(', ')}` : 'up to date';
    return { value: stale, known: true, fact: { fact: 'cmsReplicas', value, source: id, ageSeconds }, seconds: stale.length ? sinceGood(item, ev) : 0, item };
  };

  const mirror = (pool: string): Known<string[]> => {
    const id = `mirror:${pool}`;
    const { item, ev, ageSeconds, known } = look(id);
    const fact = `mirror:${pool}`;
    if (!known || !item) return { value: [], known: false, fact: unknownFact(fact, id, ageSeconds), seconds: null, item };
    let bad: string[] = [];
    if (item.status !== 'ok') {
      const dbs = ev ? list(ev.observation.data, 'databases', 'Databases') : list(item.reasonParams ?? {}, 'databases');
      bad = dbs
        .map((d) => {
          const name = String(field(d, 'name', 'databaseName', 'DatabaseName') ?? '?');
          const state = field(d, 'state') ?? [field(d, 'mirroringStatusOnPrimary', 'MirroringStatusOnPrimary'), field(d, 'mirroringStatusOnMirror', 'MirroringStatusOnMirror')].find((s) => typeof s === 'string' && s.toLowerCase() !== 'synchronized');
          return state === undefined || field(d, 'status') === 'synchronized' ? null : `${name}: ${String(state)}`;
        })
        .filter((x): x is string => x !== null);
      if (!bad.length) bad = [item.reason];
    }
    const value = bad.length ? `not synchronized: ${bad.join(', ')}` : 'synchronized';
    return { value: bad, known: true, fact: { fact, value, source: id, ageSeconds }, seconds: bad.length ? sinceGood(item, ev) : 0, item };
  };

  const copy = (itemId: string, label: string): Known<number | null> => {
    const { item, ev, ageSeconds, known } = look(itemId);
    const fact = `newestCopy:${label}`;
    if (!known || !item) return { value: null, known: false, fact: unknownFact(fact, itemId, ageSeconds), seconds: null, item };
    const log = ev ? field(field(ev.observation.data, 'lastLog'), 'finish', 'at') : undefined;
    const age = typeof log === 'string' ? secondsSince(log, now) : sinceGood(item, ev);
    if (age === null) return { value: null, known: false, fact: unknownFact(fact, itemId, ageSeconds), seconds: null, item };
    return { value: age, known: true, fact: { fact: typeof log === 'string' ? `newestLogBackup:${label}` : fact, value: age, source: itemId, ageSeconds }, seconds: age, item };
  };

  // Edge next hops and federation routes: the newest CMS export's, when it carries them; else the topology's.
  const original = originalState(t);
  const nextHops = { ...original.nextHops };
  const federation = { ...original.federation };
  const routeFacts: ReadinessFact[] = [];
  const exp = look('export:configuration');
  const data = exp.ev?.observation.data ?? {};
  // The export's topology model (exports collector: `data.topology`): Edge pools with their next hop, federation routes.
  const model = field(data, 'topology');
  const hops = new Map<string, unknown>();
  for (const p of list(model, 'pools')) {
    const fqdn = field(p, 'fqdn');
    if (field(p, 'kind') === 'Edge' && typeof fqdn === 'string') hops.set(fqdn.toLowerCase(), field(p, 'nextHop'));
  }
  const canon = (fqdn: unknown): string | null => (typeof fqdn === 'string' ? (findPool(t, fqdn)?.fqdn ?? null) : null);
  const fromExport = exp.ev !== null && exp.known;
  for (const edge of Object.keys(nextHops).sort()) {
    const hop = fromExport ? canon(hops.get(edge.toLowerCase())) : null;
    if (hop) nextHops[edge] = hop;
    routeFacts.push(hop ? { fact: `edgeNextHop:${edge}`, value: hop, source: 'export:configuration', ageSeconds: exp.ageSeconds } : { fact: `edgeNextHop:${edge}`, value: nextHops[edge] ?? null, source: 'topology', ageSeconds: null });
  }
  const fed = field(model, 'federation');
  for (const k of ['lync', 'xmpp'] as const) {
    const reported = fromExport ? canon(field(fed, k === 'lync' ? 'lyncEdge' : 'xmppEdge')) : null;
    if (reported) federation[k] = reported;
    routeFacts.push(reported ? { fact: `federation:${k}`, value: reported, source: 'export:configuration', ageSeconds: exp.ageSeconds } : { fact: `federation:${k}`, value: federation[k], source: 'topology', ageSeconds: null });
  }
  const reach = (pool: string): Known<'up' | 'down' | null> => {
    const machines = findPool(t, pool)?.machines.length ? findPool(t, pool)!.machines : [pool];
    const agents = (input.agents ?? []).filter((a) => a.host !== null && machines.some((m) => sameHost(a.host!, m)));
    const fact = `poolReachable:${pool}`;
    if (!agents.length) return { value: null, known: false, fact: { fact, value: null, source: 'agents', ageSeconds: null }, seconds: null, item: null };
    const up = agents.find((a) => a.connected);
    if (up) return { value: 'up', known: true, fact: { fact, value: 'up', source: `agent:${up.name}`, ageSeconds: 0 }, seconds: 0, item: null };
    const seen = agents.map((a) => a.lastSeen).filter((x): x is string => x !== null).sort().pop() ?? null;
    const away = seen ? secondsSince(seen, now) : null;
    const value = away === null || away > REACH_GRACE_SECONDS ? 'down' : 'up';
    return { value, known: true, fact: { fact, value, source: `agents:${agents.map((a) => a.name).join(',')}`, ageSeconds: away }, seconds: away, item: null };
  };
  return { sync, cmsReplicas, mirror, copy, nextHops, federation, routeFacts, itemIds: [...items.keys()], reach };
}
