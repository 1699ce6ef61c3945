import { createHash } from 'node:crypto';
import type { Overlay, Pool, Service, SqlInstanceRef, SqlStore, Topology } from './model';

/**
 * Version of the canonical form below. It is hashed with the model, so a change to what the fingerprint covers gives
 * every deployment a new fingerprint instead of silently comparing two different forms.
 */
export const FINGERPRINT_VERSION = 1;

/** How many hex characters of the fingerprint are printed where space is short (page headers, tables). */
export const SHORT_FINGERPRINT_LENGTH = 16;

/**
 * The topology fingerprint: the SHA-256 (hex) of the canonical JSON of the parsed model and its overlay. It covers
 * what changes a plan or a worksheet (sites, pools, machines, services, SQL and file stores, the CMS, pairs, Edge
 * routes, federation, product versions, back-end HA types and the overlay's owners, destinations, schedules, targets,
 * mirrors, backup file names, drills, language) and nothing else: not the file's bytes, name or format (a published
 * topology, a .tbxml and an Export-CsConfiguration zip of the same deployment give the same fingerprint), not the
 * order of elements, not `source` nor `findings`, nor where a version or an HA type was read from.
 */
export function topologyFingerprint(t: Topology): string {
  return createHash('sha256').update(canonicalJson(canonicalTopology(t))).digest('hex');
}

/** The first 16 hex characters of a fingerprint, for page headers and tables. */
export function shortFingerprint(fingerprint: string): string {
  return fingerprint.slice(0, SHORT_FINGERPRINT_LENGTH);
}

/**
 * JSON with the keys of every object sorted and `undefined` members left out, so two equal values always give the
 * same text. Arrays keep their order: sort them before when their order means nothing.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const lower = (s: string | null | undefined): string | null => (s == null ? null : s.toLowerCase());
const sorted = (xs: readonly string[]): string[] => [...xs].sort();
const byKey = <T>(xs: readonly T[], key: (x: T) => string): T[] =>
  [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const sql = (s: SqlInstanceRef | null | undefined) =>
  s ? { server: s.server.toLowerCase(), instance: lower(s.instance) } : null;
const sqlKey = (s: SqlInstanceRef): string => `${s.server.toLowerCase()}\\${(s.instance ?? '').toLowerCase()}`;

/** The parts of the model the fingerprint covers, with FQDNs lower-cased and every set sorted. */
export function canonicalTopology(t: Topology) {
  return {
    fingerprint: FINGERPRINT_VERSION,
    deployment: t.deployment,
    product: t.product?.version ?? 'unknown',
    sites: byKey(t.sites, (s) => s.id).map((s) => ({ id: s.id, name: s.name, location: s.location, kind: s.kind })),
    pools: byKey(t.pools, (p) => p.fqdn.toLowerCase()).map(canonicalPool),
    services: byKey(t.services, (s) => s.id).map(canonicalService),
    sqlStores: byKey(t.sqlStores, (s) => `${s.id} ${sqlKey(s)}`).map(canonicalSqlStore),
    fileStores: byKey(t.fileStores, (f) => `${f.id} ${f.unc.toLowerCase()}`).map((f) => ({
      id: f.id,
      server: f.server.toLowerCase(),
      share: f.share.toLowerCase(),
      unc: f.unc.toLowerCase(),
      pools: sorted(f.pools.map((p) => p.toLowerCase())),
    })),
    cms: t.cms
      ? {
          pool: t.cms.pool.toLowerCase(),
          sqlServer: t.cms.sqlServer.toLowerCase(),
          instance: lower(t.cms.instance),
          standbyPool: lower(t.cms.standbyPool),
        }
      : null,
    pairs: sorted(t.pairs.map((p) => sorted(p.map((x) => x.toLowerCase())).join(' '))),
    federation: { lyncEdge: lower(t.federation.lyncEdge), xmppEdge: lower(t.federation.xmppEdge) },
    overlay: t.overlay ? canonicalOverlay(t.overlay) : null,
  };
}

function canonicalPool(p: Pool) {
  return {
    fqdn: p.fqdn.toLowerCase(),
    site: p.site,
    kind: p.kind,
    machines: sorted(p.machines.map((m) => m.toLowerCase())),
    services: sorted(p.services),
    backupPool: lower(p.backupPool),
    edgePool: lower(p.edgePool),
    nextHop: lower(p.nextHop),
    mirroredBackEnd: p.mirroredBackEnd,
    product: p.product ?? 'unknown',
  };
}

function canonicalService(s: Service) {
  const on = s.installedOn;
  return {
    id: s.id,
    site: s.site,
    role: s.role,
    instance: s.instance,
    installedOn: !on ? null : on.kind === 'pool' ? { pool: on.fqdn.toLowerCase() } : { sql: sql(on) },
    dependsOn: sorted(s.dependsOn),
    attributes: s.attributes,
    serviceVersion: s.serviceVersion ?? null,
  };
}

function canonicalSqlStore(s: SqlStore) {
  return {
    id: s.id,
    kind: s.kind,
    ...sql(s),
    databases: sorted(s.databases.map((d) => d.toLowerCase())),
    pools: sorted(s.pools.map((p) => p.toLowerCase())),
    mirror: sql(s.mirror),
    witness: sql(s.witness),
    haType: s.haType ?? 'unknown',
  };
}

/** The overlay's facts that change a plan or a worksheet; not its file name, line numbers or unknown keys. */
export function canonicalOverlay(o: Overlay) {
  return {
    deployment: o.deployment,
    language: o.language,
    pairs: sorted(o.pairs.map((p) => sorted(p.map((x) => x.toLowerCase())).join(' '))),
    owners: o.owners,
    destinations: o.destinations,
    schedules: o.schedules,
    targets: o.targets,
    federation: { lyncEdge: lower(o.federation.lyncEdge), xmppEdge: lower(o.federation.xmppEdge) },
    nextHops: o.nextHops,
    groupPickup: o.groupPickup
      ? Object.fromEntries(Object.entries(o.groupPickup).map(([k, v]) => [k.toLowerCase(), sorted(v)]))
      : null,
    backupFiles: o.backupFiles ?? null,
    mirrors: byKey(o.mirrors ?? [], (m) => sqlKey(m.primary)).map((m) => ({
      primary: sql(m.primary),
      mirror: sql(m.mirror),
      witness: sql(m.witness),
    })),
    product: o.product ?? null,
    products: o.products ?? null,
    drills: o.drills ?? null,
    backEndHa: (o.backEndHa ?? []).map((b) => ({ sql: sql(b.sql), type: b.type })),
  };
}
