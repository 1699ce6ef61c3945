import type { SpecCluster, SpecService, TopologySpec } from './topology-spec';

/**
 * A large synthetic deployment: `sites` central sites, `pools` Enterprise Edition Front End pools spread over them,
 * `machines` Front End machines spread over the pools; each pool with its back-end SQL instance and file server,
 * each site with an Edge pool. For benchmarks and size tests.
 */
export function generateSpec(opts: { sites: number; pools: number; machines: number; domain?: string }): TopologySpec {
  const domain = opts.domain ?? 'bench.example';
  const h = (n: string): string => `${n}.${domain}`;
  const sites = Array.from({ length: opts.sites }, (_, i) => ({
    id: String(i + 1),
    name: `Site ${i + 1}`,
    location: `City ${i + 1}`,
  }));
  const clusters: SpecCluster[] = [];
  const services: SpecService[] = [];
  const number = new Map<string, number>();
  const next = (site: string): number => {
    const n = (number.get(site) ?? 0) + 1;
    number.set(site, n);
    return n;
  };
  const perSite = new Map<string, number>();
  for (let p = 0; p < opts.pools; p++) {
    const site = String((p % opts.sites) + 1);
    const k = (perSite.get(site) ?? 0) + 1;
    perSite.set(site, k);
    const count = Math.floor(opts.machines / opts.pools) + (p < opts.machines % opts.pools ? 1 : 0);
    const pool = h(`pool${p + 1}`);
    clusters.push({
      site,
      number: next(site),
      fqdn: pool,
      machines: Array.from({ length: count }, (_, m) => h(`fe${p + 1}-${m + 1}`)),
    });
    clusters.push({ site, number: next(site), fqdn: h(`sql${p + 1}`), sql: ['rtc'] });
    clusters.push({ site, number: next(site), fqdn: h(`fs${p + 1}`) });
    services.push(
      { site, role: 'UserServices', instance: k, on: pool, deps: [`${site}-UserStore-${k}`, `${site}-FileStore-${k}`] },
      {
        site,
        role: 'Registrar',
        instance: k,
        on: pool,
        deps: [`${site}-UserServices-${k}`, `${site}-WebServices-${k}`, `${site}-EdgeServer-1`],
        element: { name: 'RegistrarService', attrs: { IsDirector: 'false' } },
      },
      {
        site,
        role: 'WebServices',
        instance: k,
        on: pool,
        deps: [`${site}-FileStore-${k}`],
        element: { name: 'WebService', attrs: {} },
      },
      { site, role: 'UserStore', instance: k, on: { sql: h(`sql${p + 1}`), instance: 'rtc' } },
      {
        site,
        role: 'FileStore',
        instance: k,
        on: h(`fs${p + 1}`),
        element: { name: 'FileStoreService', attrs: { ShareName: 'share' } },
      },
    );
  }
  for (const s of sites) {
    const edge = h(`edge${s.id}`);
    clusters.push({ site: s.id, number: next(s.id), fqdn: edge, machines: [h(`edge${s.id}a`), h(`edge${s.id}b`)] });
    services.push({ site: s.id, role: 'EdgeServer', instance: 1, on: edge, deps: [`${s.id}-Registrar-1`] });
  }
  // The .tbxml renderer needs each role's services of a site in instance order.
  services.sort((a, b) => a.instance - b.instance);
  return { domain, sites, clusters, services };
}
