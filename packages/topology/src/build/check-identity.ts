import { LyncdrError } from '@lyncdr/errors';
import type { RawTopology } from '../read/raw';

/**
 * Refuses a topology whose identities are ambiguous: a cluster id, pool FQDN, machine FQDN or service id that appears
 * twice (E_TOPOLOGY_DUPLICATE, with the line of the second one). A pool's own FQDN may name its only machine
 * (Standard Edition, SQL and file servers); another pool's may not.
 */
export function checkIdentity(raw: RawTopology, file: string): void {
  const dup = (what: string, name: string, line: number, first: number): never => {
    throw new LyncdrError(
      'E_TOPOLOGY_DUPLICATE',
      `${what} ${name} appears twice (first at line ${first}); each FQDN and id must be unique — remove or rename one`,
      {
        location: { file, line, where: name },
      },
    );
  };
  const fqdnSeen = new Map<string, number>();
  const keySeen = new Map<string, number>();
  for (const c of raw.clusters) {
    if (keySeen.has(c.key)) dup('cluster id', c.key, c.line, keySeen.get(c.key)!);
    keySeen.set(c.key, c.line);
    if (fqdnSeen.has(c.fqdn)) dup('pool FQDN', c.fqdn, c.line, fqdnSeen.get(c.fqdn)!);
    fqdnSeen.set(c.fqdn, c.line);
  }
  const machineSeen = new Map<string, { pool: string; line: number }>();
  for (const c of raw.clusters) {
    const inThis = new Set<string>();
    for (const m of c.machines) {
      if (inThis.has(m)) dup(`machine FQDN in pool ${c.fqdn}:`, m, c.line, c.line);
      inThis.add(m);
      const other = machineSeen.get(m);
      if (other) dup(`machine FQDN (also in pool ${other.pool})`, m, c.line, other.line);
      const owner = fqdnSeen.has(m) && m !== c.fqdn ? m : null;
      if (owner) dup(`machine FQDN (also the FQDN of pool ${owner})`, m, c.line, fqdnSeen.get(m)!);
      machineSeen.set(m, { pool: c.fqdn, line: c.line });
    }
  }
  const serviceLine = new Map<string, number>();
  for (const s of raw.services) {
    if (serviceLine.has(s.id)) dup('service id', s.id, s.line, serviceLine.get(s.id)!);
    serviceLine.set(s.id, s.line);
  }
}
