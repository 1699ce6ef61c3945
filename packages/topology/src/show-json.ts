import type { Topology } from './model';
import { poolProduct, productsOf } from './product/product-version';

/**
 * The `lyncdr topology show --json` document (DESIGN §4). The contract names sites, pools, sqlStores, fileStores
 * and cms with their minimum fields; the rest is added beside them and never renamed.
 */
export function toShowJson(t: Topology) {
  return {
    deployment: t.deployment,
    product: { ...(t.product ?? { version: 'unknown' as const, source: 'unknown' as const }), versions: productsOf(t.pools) },
    source: {
      file: t.source.file,
      format: t.source.format,
      sha256: t.source.sha256,
      signature: t.source.signature,
      ...(t.source.documents ? { documents: t.source.documents } : {}),
    },
    sites: t.sites.map((s) => ({ id: s.id, name: s.name, location: s.location, kind: s.kind })),
    pools: t.pools.map((p) => ({
      fqdn: p.fqdn,
      site: p.site,
      kind: p.kind,
      machines: [...p.machines],
      backupPool: p.backupPool,
      edgePool: p.edgePool,
      nextHop: p.nextHop,
      mirroredBackEnd: p.mirroredBackEnd,
      product: poolProduct(p),
      productSource: p.productSource ?? ('unknown' as const),
      services: [...p.services],
    })),
    sqlStores: t.sqlStores.map((s) => ({
      id: s.id,
      kind: s.kind,
      server: s.server,
      instance: s.instance,
      databases: [...s.databases],
      pools: [...s.pools],
      mirror: s.mirror,
      witness: s.witness,
      haType: s.haType ?? ('unknown' as const),
      haSource: s.haSource ?? ('unknown' as const),
    })),
    fileStores: t.fileStores.map((f) => ({
      id: f.id,
      server: f.server,
      share: f.share,
      unc: f.unc,
      pools: [...f.pools],
    })),
    cms: t.cms
      ? { sqlServer: t.cms.sqlServer, instance: t.cms.instance, pool: t.cms.pool, standbyPool: t.cms.standbyPool }
      : null,
    pairs: t.pairs.map(([a, b]) => [a, b]),
    federation: { ...t.federation },
    findings: t.findings.map((f) => ({ ...f })),
  };
}

export type ShowJson = ReturnType<typeof toShowJson>;
