import { LyncdrError } from '@lyncdr/errors';
import type { Overlay, Pool, SqlInstanceRef, Topology, TopologyFinding } from '../model';
import { checkTopology } from '../findings/check-topology';
import { REF, finding } from '../findings/finding';
import { isUserPool, sameInstance, sqlName } from '../query';
import { applyBackEndHa, applyProducts } from './apply-versions';
import { deploymentProduct } from '../product/product-version';

/**
 * Merges an overlay into a topology (pure; returns a new model). Overlay values win; where the XML said something
 * else the difference is a finding (OVERLAY_CONFLICT). A pool or SQL server the overlay names that is not in the
 * topology is an error (E_OVERLAY_UNKNOWN_POOL / E_OVERLAY_UNKNOWN_SQL, exit 2): a typo there would silently drop a
 * pair or a target, so it is refused (docs/overlay.md). Findings are recomputed on the merged model.
 */
export function applyOverlay(t: Topology, o: Overlay): Topology {
  const file = o.file ?? 'lyncdr.yaml';
  const known = new Map(t.pools.map((p) => [p.fqdn, p]));
  const unknown = (path: string, fqdn: string, wanted: (p: Pool) => boolean, what: string): never => {
    const names = t.pools.filter(wanted).map((p) => p.fqdn);
    const line = o.lines?.[path];
    throw new LyncdrError(
      'E_OVERLAY_UNKNOWN_POOL',
      `${fqdn} is not a pool of ${t.source.file}; ${what}${names.length ? ` (one of: ${names.join(', ')})` : ''}`,
      {
        location: { file, ...(line ? { line } : {}), where: path },
      },
    );
  };
  const pool = (
    path: string,
    fqdn: string,
    wanted: (p: Pool) => boolean = () => true,
    what = 'use the FQDN of a pool in the topology',
  ): Pool => known.get(fqdn) ?? unknown(path, fqdn, wanted, what);
  const isEdge = (p: Pool): boolean => p.kind === 'Edge';

  const extra: TopologyFinding[] = [];
  const pools = t.pools.map((p) => ({ ...p }));
  const byFqdn = new Map(pools.map((p) => [p.fqdn, p]));

  // Pairs: each once, [a, b] with a < b (REFERENCE §d.1; pairing is not readable from the XML, §f.3).
  const pairs = new Map<string, [string, string]>();
  for (const [i, [a, b]] of o.pairs.entries()) {
    pool(`pairs[${i}][0]`, a, isUserPool, 'pairs name Front End pools or Standard Edition servers');
    pool(`pairs[${i}][1]`, b, isUserPool, 'pairs name Front End pools or Standard Edition servers');
    const pair: [string, string] = a < b ? [a, b] : [b, a];
    pairs.set(pair.join(' '), pair);
  }
  for (const [a, b] of t.pairs) pairs.set(`${a} ${b}`, [a, b]);
  for (const p of pools) p.backupPool = null;
  for (const [a, b] of pairs.values()) {
    const pa = byFqdn.get(a)!;
    const pb = byFqdn.get(b)!;
    pa.backupPool ??= b;
    pb.backupPool ??= a;
  }

  // Edge next hops and federation routes.
  for (const [edge, hop] of Object.entries(o.nextHops)) {
    const e = pool(`nextHops.${edge}`, edge, isEdge, 'nextHops keys are Edge pools');
    pool(
      `nextHops.${edge}`,
      hop,
      (p) => p.kind === 'FrontEnd' || p.kind === 'StandardEdition' || p.kind === 'Director',
      'a next hop is a Front End pool, Standard Edition server or Director',
    );
    if (e.kind !== 'Edge')
      extra.push(
        finding(
          'OVERLAY_NOT_EDGE',
          'error',
          edge,
          `nextHops: ${edge} is a ${e.kind} pool, not an Edge pool; fix lyncdr.yaml`,
          REF.failingOver,
        ),
      );
    const target = byFqdn.get(edge)!;
    if (target.nextHop && target.nextHop !== hop) {
      extra.push(
        finding(
          'OVERLAY_CONFLICT',
          'warning',
          edge,
          `the topology gives ${target.nextHop} as next hop of ${edge}, lyncdr.yaml says ${hop}; lyncdr uses ${hop} — correct whichever is wrong`,
          REF.failingOver,
        ),
      );
    }
    target.nextHop = hop;
  }
  const federation = { ...t.federation };
  for (const [k, path] of [
    ['lyncEdge', 'federation.lync'],
    ['xmppEdge', 'federation.xmpp'],
  ] as const) {
    const v = o.federation[k];
    if (!v) continue;
    const e = pool(path, v, isEdge, 'federation routes go through an Edge pool');
    if (e.kind !== 'Edge')
      extra.push(
        finding(
          'OVERLAY_NOT_EDGE',
          'error',
          v,
          `${path}: ${v} is a ${e.kind} pool, not an Edge pool; fix lyncdr.yaml`,
          REF.failingOver,
        ),
      );
    if (federation[k] && federation[k] !== v) {
      extra.push(
        finding(
          'OVERLAY_CONFLICT',
          'warning',
          v,
          `the topology routes ${path} through ${federation[k]}, lyncdr.yaml says ${v}; lyncdr uses ${v}`,
          REF.failingOver,
        ),
      );
    }
    federation[k] = v;
  }
  for (const k of Object.keys(o.targets.perPool)) pool(`targets.pools.${k}`, k);
  for (const k of Object.keys(o.groupPickup ?? {})) pool(`groupPickup.${k}`, k, isUserPool, 'Group Call Pickup ranges are hosted by a Front End pool or Standard Edition server');

  // Product versions (docs/topology.md "Product version").
  for (const k of Object.keys(o.products ?? {})) pool(`products.${k}`, k);
  extra.push(...applyProducts(pools, o));

  // SQL mirroring (REFERENCE §c.4, lync-server-2013-back-end-server-high-availability.md).
  const sqlStores = t.sqlStores.map((s) => ({ ...s }));
  const unknownSql = (path: string, sql: SqlInstanceRef): never => {
    const line = o.lines?.[path];
    const servers = [...new Set(sqlStores.map(sqlName))];
    throw new LyncdrError(
      'E_OVERLAY_UNKNOWN_SQL',
      `no SQL store of ${t.source.file} is on ${sqlName(sql)}; use one of: ${servers.join(', ')}`,
      {
        location: { file, ...(line ? { line } : {}), where: path },
      },
    );
  };
  for (const [i, m] of (o.mirrors ?? []).entries()) {
    const hits = sqlStores.filter((s) => sameInstance(s, m.primary));
    if (!hits.length) unknownSql(`mirrors[${i}].primary`, m.primary);
    for (const s of hits) {
      s.mirror = m.mirror;
      s.witness = m.witness;
    }
  }
  for (const p of pools) {
    p.mirroredBackEnd = sqlStores.some((s) => s.kind === 'BackEnd' && s.mirror !== null && s.pools.includes(p.fqdn));
  }
  extra.push(...applyBackEndHa(sqlStores, o, unknownSql));

  for (const k of Object.keys(o.extra)) {
    extra.push(
      finding(
        'OVERLAY_UNKNOWN_KEY',
        'warning',
        k,
        `${file}: unknown key "${k}" is ignored; see docs/overlay.md for the keys lyncdr reads`,
        null,
      ),
    );
  }

  const cms = t.cms ? { ...t.cms, standbyPool: byFqdn.get(t.cms.pool)?.backupPool ?? null } : null;
  const merged: Omit<Topology, 'findings'> = {
    ...t,
    deployment: o.deployment ?? t.deployment,
    pools,
    sqlStores,
    cms,
    pairs: [...pairs.values()].sort((x, y) => x[0].localeCompare(y[0])),
    federation,
    overlay: o,
    product: deploymentProduct(pools, o.product),
  };
  return { ...merged, findings: [...extra, ...checkTopology(merged)] };
}
