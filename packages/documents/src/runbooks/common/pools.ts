import { LyncdrError } from '@lyncdr/errors';
import type { Pool, Topology } from '@lyncdr/topology';

/** Throws E_RUNBOOK_POOL when a pool named with --pool is not in the topology (the valid FQDNs are listed). */
export function checkNamedPools(t: Topology, named: string[]): void {
  const known = new Map(t.pools.map((p) => [p.fqdn.toLowerCase(), p.fqdn]));
  for (const name of named) {
    if (!known.has(name.toLowerCase())) {
      throw new LyncdrError(
        'E_RUNBOOK_POOL',
        `--pool ${name}: no such pool in the topology ${t.source.file}; pools are: ${[...known.values()].sort().join(', ') || '(none)'}`,
        { location: { file: t.source.file, where: `--pool ${name}` } },
      );
    }
  }
}

/**
 * The pools a runbook documents: the ones named with --pool (which must pass `fits`), or every pool that fits.
 * Returns the pools, or a message saying why none applies (for `RunbookSpec.applies`).
 */
export function pickPools(t: Topology, named: string[], fits: (p: Pool) => boolean, what: string): Pool[] | string {
  if (named.length === 0) {
    const all = t.pools.filter(fits);
    return all.length > 0 ? all : `this deployment has no ${what}`;
  }
  const wanted = new Set(named.map((n) => n.toLowerCase()));
  const chosen = t.pools.filter((p) => wanted.has(p.fqdn.toLowerCase()));
  const wrong = chosen.filter((p) => !fits(p));
  if (wrong.length > 0) return `${wrong.map((p) => `${p.fqdn} (${p.kind})`).join(', ')} is not a ${what}`;
  if (chosen.length === 0) return `none of ${named.join(', ')} is in the topology`;
  return chosen;
}

/** Same as pickPools for a builder: a message here means `applies` was not checked, so it is a usage error. */
export function requirePools(t: Topology, named: string[], fits: (p: Pool) => boolean, what: string): Pool[] {
  const r = pickPools(t, named, fits, what);
  if (typeof r === 'string') throw new LyncdrError('E_RUNBOOK_APPLIES', r);
  return r;
}
