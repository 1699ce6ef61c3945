/**
 * What the product version of a pool changes in a plan (docs/dr-engine.md, "What differs by version"). A pool's version
 * is the topology's (overlay first, packages/topology/src/product); a pool whose version is unknown gets the Lync
 * Server 2013 steps and cmdlet set, and the plan says so.
 */
import { backEndOf, findPool, type BackEndHaType, type ProductVersion as PoolProduct, type Topology } from '@lyncdr/topology';
import type { ProductVersion } from './cmdlets/index';

/** Reference pages of the version rules (file names under shared/reference/docs-sfb, or the evidence named). */
export const VERSION_REF = {
  deprecated2019: 'docs-sfb/SfBServer2019/deprecated.md',
  backEndHa: 'docs-sfb/back-end-server.md',
  alwaysOn: 'docs-sfb/alwayson-availability-group.md',
  startPool: 'docs-sfb/cmdlets/Start-CsPool.md',
  poolFailoverSfb: 'docs-sfb/failing-over-and-failing-back-a-pool.md',
  pairing2015: 'docs-sfb/front-end-pools-for-disaster-recovery.md',
  /** The SfB 2019 Deployment folder: the public lab script of REFERENCE.md §f.3 (code index id 43564047170). */
  lab2019: 'REFERENCE.md §f.3',
} as const;

/** The pool's version, else the deployment's, else unknown (a machine FQDN names its pool). */
export function productAt(t: Topology, fqdn: string): PoolProduct {
  const pool = findPool(t, fqdn) ?? t.pools.find((p) => p.machines.some((m) => m.toLowerCase() === fqdn.toLowerCase()));
  return pool?.product && pool.product !== 'unknown' ? pool.product : (t.product?.version ?? 'unknown');
}

/** The cmdlet set a step on `fqdn` is written for: the pool's version, Lync Server 2013 when unknown. */
export function cmdletVersionAt(t: Topology, fqdn: string): ProductVersion {
  const v = productAt(t, fqdn);
  return v === 'unknown' ? 'lync2013' : v;
}

/** The Back End's HA type: the overlay's, else `mirror` when the topology names a mirror, else unknown. */
export function backEndHaAt(t: Topology, pool: string): BackEndHaType | 'unknown' {
  const be = backEndOf(t, pool);
  if (!be) return 'unknown';
  if (be.haType && be.haType !== 'unknown') return be.haType;
  return be.mirror ? 'mirror' : 'unknown';
}

/**
 * The Back End's SQL mirror when the mirroring cmdlets apply: the store is mirrored, its HA type is mirroring, and the
 * pool is not SfB 2019 (SQL mirroring "can't be deployed with Skype for Business Server 2019", deprecated.md).
 */
export function mirrorAt(t: Topology, pool: string): { server: string; instance: string | null } | null {
  const be = backEndOf(t, pool);
  if (!be?.mirror || backEndHaAt(t, pool) !== 'mirror' || productAt(t, pool) === 'sfb2019') return null;
  return be.mirror;
}

/** XMPP federation (the XMPP Gateway/proxy) and Persistent Chat are removed from SfB 2019 (deprecated.md). */
export function hasXmpp(t: Topology, fqdn: string): boolean {
  return productAt(t, fqdn) !== 'sfb2019';
}

export function hasPersistentChat(t: Topology, fqdn: string): boolean {
  return productAt(t, fqdn) !== 'sfb2019';
}

/** Start-CsPool exists from SfB 2015 (cmdlets/Start-CsPool.md: "Skype for Business Server 2015, Skype for Business Server 2019"). */
export function hasStartPool(t: Topology, fqdn: string): boolean {
  const v = productAt(t, fqdn);
  return v === 'sfb2015' || v === 'sfb2019';
}

/**
 * Bootstrapper.exe of a version: 2013 lync-server-2013-front-end-pool-abc-failover-procedure.md (with its erratum),
 * 2015 front-end-pools-for-disaster-recovery.md step 8, 2019 the lab script of REFERENCE.md §f.3; unknown is 2013's.
 */
export function bootstrapperPath(v: PoolProduct): string {
  const folder = v === 'sfb2015' ? 'Skype for Business Server 2015' : v === 'sfb2019' ? 'Skype for Business Server 2019' : 'Microsoft Lync Server 2013';
  return `$env:SystemDrive\\Program Files\\${folder}\\Deployment\\Bootstrapper.exe`;
}

/** A name the topology does not hold → the pool of the topology it stands for (a rebuild's new FQDN → the lost pool). */
export type HostAlias = (fqdn: string) => string | null;

function isHost(t: Topology, fqdn: string): boolean {
  const lower = fqdn.toLowerCase();
  return t.pools.some((p) => p.fqdn.toLowerCase() === lower || p.machines.some((m) => m.toLowerCase() === lower));
}

/** Every FQDN a PowerShell line names that is a pool or a machine of the topology (or an alias of one), in order. */
function namedHosts(t: Topology, command: string, alias: HostAlias): string[] {
  const out: string[] = [];
  for (const raw of command.split(/[\s"',:=]+/)) {
    const token = raw.trim();
    if (!token.includes('.')) continue;
    const host = isHost(t, token) ? token : alias(token);
    if (host) out.push(host);
  }
  return out;
}

/**
 * The cmdlet set a PowerShell line is checked against: the version of the first pool (or machine) it names, else of the
 * machine it runs on, else the deployment's; Lync Server 2013 when none is known. `alias` maps a rebuild's new pool to
 * the pool it replaces (it is built with the same version).
 */
export function lineVersion(t: Topology, command: string, on: string | null | undefined, alias: HostAlias = () => null): ProductVersion {
  const onHost = on ? (isHost(t, on) ? on : alias(on)) : null;
  const host = namedHosts(t, command, alias)[0] ?? onHost;
  if (host) return cmdletVersionAt(t, host);
  const v = t.product?.version ?? 'unknown';
  return v === 'unknown' ? 'lync2013' : v;
}
