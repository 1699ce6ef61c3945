import { poolProduct, type KnownProduct, type PoolKind, type ProductVersion, type Topology } from '@lyncdr/topology';

/** A server role a product version does not have, and the data that goes with it. */
export interface RemovedFeature {
  feature: string;
  /** Database names, lower case. */
  databases: string[];
  /** Pool kinds of the role. */
  poolKinds: PoolKind[];
  ref: string;
}

const PERSISTENT_CHAT: RemovedFeature = {
  feature: 'Persistent Chat',
  // mgc and mgccomp are the Persistent Chat databases (back-up-and-restore-databases.md).
  databases: ['mgc', 'mgccomp'],
  poolKinds: ['PersistentChat'],
  // "Persistent chat can't be deployed with Skype for Business Server 2019. This server role is removed from Topology
  // Builder, as well as from the code." (docs-sfb/SfBServer2019/deprecated.md); "Persistent chat is available in Skype
  // for Business Server 2015 but is no longer supported in Skype for Business Server 2019."
  // (docs-sfb/deploy-persistent-chat-server/configure-hadr-for-persistent-chat.md).
  ref: 'docs-sfb/SfBServer2019/deprecated.md',
};

/**
 * The data each version lacks compared with Lync Server 2013. The other databases are the same for every version:
 * the reference has no per-version database list (the -DatabaseType values of Invoke-CsDatabaseFailover and
 * Install-CsDatabase are one list "Applicable: Lync Server 2013, Skype for Business Server 2015, Skype for Business
 * Server 2019", docs-sfb/cmdlets/Invoke-CsDatabaseFailover.md, docs-sfb/cmdlets/Install-CsDatabase.md; the SfB pages
 * back-end-server.md and alwayson-availability-group.md name no database a version adds or drops; SfB 2015/2019 keep
 * the Lync Server 2013 backup pages, docs-sfb/INDEX.md), so those keep the Lync Server 2013 list
 * (lync-server-2013-backup-and-restoration-worksheets.md). The other removals of deprecated.md (XMPP gateway, SQL
 * mirroring, Mobility Service) hold no data of their own in the inventory.
 */
export const REMOVED_IN: Readonly<Record<KnownProduct, readonly RemovedFeature[]>> = {
  lync2013: [],
  sfb2015: [],
  sfb2019: [PERSISTENT_CHAT],
};

/** The versions of the named pools (`unknown` for a pool the topology does not hold or whose version is unknown). */
export function productsOfPools(t: Pick<Topology, 'pools'>, pools: readonly string[]): ProductVersion[] {
  return pools.map((fqdn) => {
    const p = t.pools.find((x) => x.fqdn.toLowerCase() === fqdn.toLowerCase());
    return p ? poolProduct(p) : 'unknown';
  });
}

/**
 * The feature that removes this database from data owned by these pools: only when there is at least one pool and
 * every one of them has a known version that lacks it (a store shared with an older or unknown pool keeps it).
 */
export function databaseRemovedBy(t: Pick<Topology, 'pools'>, pools: readonly string[], database: string): RemovedFeature | null {
  return removedBy(productsOfPools(t, pools), (f) => f.databases.includes(database.toLowerCase()));
}

/** The feature that removes a pool of this kind from a pool of this version (e.g. a Persistent Chat pool marked 2019). */
export function poolRemovedBy(t: Pick<Topology, 'pools'>, fqdn: string, kind: PoolKind): RemovedFeature | null {
  return removedBy(productsOfPools(t, [fqdn]), (f) => f.poolKinds.includes(kind));
}

function removedBy(versions: ProductVersion[], match: (f: RemovedFeature) => boolean): RemovedFeature | null {
  if (versions.length === 0 || versions.includes('unknown')) return null;
  let found: RemovedFeature | null = null;
  for (const v of versions) {
    const f = REMOVED_IN[v as KnownProduct].find(match);
    if (!f) return null;
    found = f;
  }
  return found;
}

/** Version names as the reference writes them, for messages. */
export const PRODUCT_NAMES: Readonly<Record<KnownProduct, string>> = {
  lync2013: 'Lync Server 2013',
  sfb2015: 'Skype for Business Server 2015',
  sfb2019: 'Skype for Business Server 2019',
};
