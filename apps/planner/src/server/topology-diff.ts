import { diffTopologies, type Topology } from '@lyncdr/topology';

/**
 * What changed between two versions of the deployment, in words, one line a change: sites, pools (with their machines,
 * services, site and backup pool), SQL stores and their mirrors, file stores, pairs, the CMS. Nothing for the first version.
 */
export function topologyChangesInWords(before: Topology | null, after: Topology): string[] {
  if (!before) return [];
  const d = diffTopologies(before, after);
  const out: string[] = [];
  const list = (label: string, x: { added: string[]; removed: string[] }) => {
    for (const a of x.added) out.push(`${label} added: ${a}`);
    for (const r of x.removed) out.push(`${label} removed: ${r}`);
  };
  list('site', d.sites);
  list('pool', d.pools);
  for (const c of d.pools.changed) for (const w of c.changes) out.push(`pool ${c.id}: ${w}`);
  list('SQL store', d.sqlStores);
  for (const c of d.sqlStores.changed) for (const w of c.changes) out.push(`SQL store ${c.id}: ${w}`);
  list('file store', d.fileStores);
  list('backup pool pair', d.pairs);
  if (d.cms) out.push(`Central Management store moved: ${d.cms.from} → ${d.cms.to}`);
  return out;
}
