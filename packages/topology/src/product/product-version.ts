import type { KnownProduct, Pool, ProductSource, ProductVersion, Service, Topology } from '../model';

/** The versions lyncdr can name, oldest first. */
export const KNOWN_PRODUCTS: readonly KnownProduct[] = ['lync2013', 'sfb2015', 'sfb2019'];

export function isKnownProduct(v: string): v is KnownProduct {
  return (KNOWN_PRODUCTS as readonly string[]).includes(v);
}

/**
 * `Service@ServiceVersion` → product, only for values a real file shows (docs/topology.md "Product version"):
 * - `7` = Skype for Business Server 2015: every Service of the real Topology Builder file
 *   ../shared/fixtures/topology/Contoso.tbxml (PROVENANCE.md: AutomatedLab/SfBAutomatedLab, which requires an SfB 2015
 *   ISO; docs-sfb/INDEX.md "Topology XML facts" item 3; REFERENCE.md §f.3).
 * - `8` = Skype for Business Server 2019: every Service of the published topology in the public lab script cited in
 *   REFERENCE.md §f.3 (index id 43564047170), which runs "C:\Program Files\Skype for Business Server 2019\Deployment\
 *   Bootstrapper.exe" on the same server.
 * No source maps a value to Lync Server 2013 (the `6` of the SYNTHETIC fixtures is marked there as an assumption), so
 * every other value gives `unknown`; the overlay's `product:`/`products:` say the rest.
 */
const SERVICE_VERSIONS: Readonly<Record<string, KnownProduct>> = { '7': 'sfb2015', '8': 'sfb2019' };

export function productOfServiceVersion(v: string | null | undefined): ProductVersion {
  return (v != null && SERVICE_VERSIONS[v.trim()]) || 'unknown';
}

/** A pool's version from the services installed on it: the one version they agree on, else unknown. */
export function productOfServices(services: readonly Service[]): ProductVersion {
  const found = new Set(services.map((s) => productOfServiceVersion(s.serviceVersion)).filter((v) => v !== 'unknown'));
  return found.size === 1 ? [...found][0]! : 'unknown';
}

/** The pool's version, `unknown` when the model does not say. */
export function poolProduct(p: Pick<Pool, 'product'>): ProductVersion {
  return p.product ?? 'unknown';
}

/**
 * The deployment's version: the overlay's `product:` when it says, else the one version every pool with a known
 * version has, else unknown (a mixed deployment has no single version; `productsOf` lists them). Its source is the
 * strongest source among the pools that give that version (overlay, then topology, then agent).
 */
export function deploymentProduct(
  pools: readonly Pick<Pool, 'product' | 'productSource'>[],
  overlayDefault: KnownProduct | null | undefined,
): { version: ProductVersion; source: ProductSource } {
  if (overlayDefault) return { version: overlayDefault, source: 'overlay' };
  const known = productsOf(pools);
  if (known.length !== 1) return { version: 'unknown', source: 'unknown' };
  const sources = new Set(pools.filter((p) => p.product === known[0]).map((p) => p.productSource));
  const source = sources.has('overlay') ? 'overlay' : sources.has('topology') || !sources.has('agent') ? 'topology' : 'agent';
  return { version: known[0]!, source };
}

/** The known versions of the pools, oldest first. */
export function productsOf(pools: readonly Pick<Pool, 'product'>[]): KnownProduct[] {
  const seen = new Set(pools.map(poolProduct));
  return KNOWN_PRODUCTS.filter((v) => seen.has(v));
}

/** Sets each pool's version from its services (source `topology`, or `unknown`) and the deployment's. */
export function withTopologyProducts<T extends Omit<Topology, 'findings'>>(t: T): T {
  const byPool = new Map<string, Service[]>();
  for (const s of t.services) {
    if (s.installedOn?.kind !== 'pool') continue;
    byPool.set(s.installedOn.fqdn, [...(byPool.get(s.installedOn.fqdn) ?? []), s]);
  }
  const pools = t.pools.map((p) => {
    const product = productOfServices(byPool.get(p.fqdn) ?? []);
    return { ...p, product, productSource: product === 'unknown' ? ('unknown' as const) : ('topology' as const) };
  });
  return { ...t, pools, product: deploymentProduct(pools, null) };
}
