/**
 * Seeded generators of topologies and DR states, for property tests and the benchmark (no dependency: a small
 * deterministic PRNG). Every generated state is valid (buildState accepts it).
 */
import type { Topology } from '@lyncdr/topology';
import { buildTopology, type PoolSpec } from './build-topology';

/** mulberry32: small, fast, deterministic. */
export function createRandom(seed: number): { next(): number; int(n: number): number; pick<T>(xs: readonly T[]): T; chance(p: number): boolean } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)] as never,
    chance: (p) => next() < p,
  };
}

/** A deployment of `frontEnds` Front End pools over several sites: most paired across sites, some unpaired, an Edge pool per site. */
export function generateTopology(seed: number, frontEnds: number): Topology {
  const r = createRandom(seed);
  const siteCount = Math.max(2, Math.ceil(frontEnds / 4));
  const pools: PoolSpec[] = [];
  const bySite: string[][] = Array.from({ length: siteCount }, () => []);
  for (let i = 0; i < frontEnds; i++) {
    const site = i % siteCount;
    const fqdn = `pool${i}.s${site}.example.test`;
    const mirrored = r.chance(0.5);
    pools.push({
      fqdn,
      site: String(site + 1),
      kind: r.chance(0.15) ? 'StandardEdition' : 'FrontEnd',
      machines: Array.from({ length: 1 + r.int(3) }, (_, m) => `fe${m + 1}-pool${i}.s${site}.example.test`),
      edgePool: `edge.s${site}.example.test`,
      sql: { server: `sql-pool${i}.s${site}.example.test`, mirror: mirrored ? `sqlm-pool${i}.s${site}.example.test` : null },
    });
    bySite[site]?.push(fqdn);
  }
  for (let s = 0; s < siteCount; s++) {
    const hop = bySite[s]?.[0] ?? null;
    pools.push({ fqdn: `edge.s${s}.example.test`, site: String(s + 1), kind: 'Edge', machines: [`edge1.s${s}.example.test`, `edge2.s${s}.example.test`], nextHop: hop });
  }
  const pairs: [string, string][] = [];
  const free = pools.filter((p) => p.kind !== 'Edge').map((p) => p.fqdn);
  while (free.length >= 2) {
    const a = free.shift() as string;
    if (r.chance(0.1)) continue;
    const siteA = pools.find((p) => p.fqdn === a)?.site;
    const idx = free.findIndex((f) => pools.find((p) => p.fqdn === f)?.site !== siteA);
    if (idx < 0) continue;
    const [b] = free.splice(idx, 1);
    if (b) pairs.push([a, b]);
  }
  const cmsPool = pairs[0]?.[0] ?? null;
  return buildTopology({
    pools,
    pairs,
    cmsPool,
    federation: { lync: 'edge.s0.example.test', xmpp: siteCount > 1 ? 'edge.s1.example.test' : 'edge.s0.example.test' },
  });
}

/** A valid state.json document for the topology: some pools down, some pairs failed over one way, the CMS somewhere valid. */
export function generateStateInput(t: Topology, seed: number): { failedOver: Record<string, string>; down: string[]; cmsActive: string | null; cmsAvailable?: boolean } {
  const r = createRandom(seed);
  const failedOver: Record<string, string> = {};
  const down = new Set<string>();
  for (const [a, b] of t.pairs) {
    const roll = r.next();
    const [home, serving] = r.chance(0.5) ? [a, b] : [b, a];
    if (roll < 0.3) {
      failedOver[home] = serving;
      if (r.chance(0.5)) down.add(home);
    } else if (roll < 0.45) {
      down.add(home);
    }
  }
  for (const p of t.pools) {
    if (p.kind === 'Edge' && r.chance(0.2)) down.add(p.fqdn);
  }
  let cmsActive: string | null = t.cms?.pool ?? null;
  if (cmsActive && t.cms?.standbyPool && r.chance(0.3) && !down.has(t.cms.standbyPool) && !Object.values(failedOver).includes(cmsActive)) {
    cmsActive = t.cms.standbyPool;
  }
  return { failedOver, down: [...down].sort(), cmsActive };
}
