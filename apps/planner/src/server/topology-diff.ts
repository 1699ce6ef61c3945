import type { Topology } from '@lyncdr/topology';

function setDiff(label: string, before: string[], after: string[], out: string[]): void {
  const b = new Set(before);
  const a = new Set(after);
  for (const x of after) if (!b.has(x)) out.push(`${label} added: ${x}`);
  for (const x of before) if (!a.has(x)) out.push(`${label} removed: ${x}`);
}

/** What changed between two versions of the deployment, in words (pools, machines, stores, file stores, pairs, CMS). */
export function diffTopologies(before: Topology | null, after: Topology): string[] {
  if (!before) return [];
  const out: string[] = [];
  setDiff('site', before.sites.map((s) => s.name), after.sites.map((s) => s.name), out);
  setDiff('pool', before.pools.map((p) => `${p.fqdn} (${p.kind})`), after.pools.map((p) => `${p.fqdn} (${p.kind})`), out);
  for (const p of after.pools) {
    const old = before.pools.find((q) => q.fqdn === p.fqdn);
    if (old) setDiff(`machine in ${p.fqdn}`, old.machines, p.machines, out);
  }
  const store = (s: Topology['sqlStores'][number]) => `${s.kind} ${s.server}${s.instance ? `\\${s.instance}` : ''}${s.mirror ? ` mirrored to ${s.mirror.server}` : ''}`;
  setDiff('SQL store', before.sqlStores.map(store), after.sqlStores.map(store), out);
  setDiff('file store', before.fileStores.map((f) => f.unc), after.fileStores.map((f) => f.unc), out);
  setDiff('backup pool pair', before.pairs.map((p) => p.join(' ⇄ ')), after.pairs.map((p) => p.join(' ⇄ ')), out);
  const cms = (t: Topology) => (t.cms ? `${t.cms.pool} (${t.cms.sqlServer})` : 'none');
  if (cms(before) !== cms(after)) out.push(`Central Management store moved: ${cms(before)} → ${cms(after)}`);
  return out;
}
