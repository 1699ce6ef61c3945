import {
  diffTopologies,
  shortFingerprint,
  topologyFingerprint,
  type AddedRemoved,
  type Change,
  type Topology,
  type TopologyDiff,
} from '@lyncdr/topology';

/** One side of `topology diff`: the file read, its format and the fingerprint of the model with its overlay. */
export interface DiffSide {
  file: string;
  format: Topology['source']['format'];
  fingerprint: string;
}

/** The `topology diff --json` document: both sides, whether they are the same, and every list of diffTopologies. */
export type TopologyDiffJson = { same: boolean; old: DiffSide; new: DiffSide } & Omit<TopologyDiff, 'same'>;

const side = (t: Topology): DiffSide => ({ file: t.source.file, format: t.source.format, fingerprint: topologyFingerprint(t) });

/**
 * Compares two deployments. They are the same when nothing the diff names differs and their fingerprints match (the
 * fingerprint also covers what the lists do not name, e.g. a site's location or the deployment's name).
 */
export function topologyDiffJson(older: Topology, newer: Topology): TopologyDiffJson {
  const { same, ...lists } = diffTopologies(older, newer);
  const [o, n] = [side(older), side(newer)];
  return { same: same && o.fingerprint === n.fingerprint, old: o, new: n, ...lists };
}

/** Human output of `topology diff`: both fingerprints, then each section with `+` added, `-` removed, `~` changed. */
export function formatTopologyDiff(d: TopologyDiffJson): string {
  const out: string[] = [];
  out.push(`Old: ${d.old.file} (${d.old.format})  fingerprint ${shortFingerprint(d.old.fingerprint)}`);
  out.push(`New: ${d.new.file} (${d.new.format})  fingerprint ${shortFingerprint(d.new.fingerprint)}`);
  if (d.same) return out.concat('', 'Same deployment: nothing differs.').join('\n') + '\n';
  const section = (title: string, x: AddedRemoved & { changed?: Change[] }) => {
    const rows = [
      ...x.added.map((a) => `  + ${a}`),
      ...x.removed.map((r) => `  - ${r}`),
      ...(x.changed ?? []).map((c) => `  ~ ${c.id}: ${c.changes.join('; ')}`),
    ];
    if (rows.length) out.push('', title, ...rows);
  };
  section('Sites', d.sites);
  section('Pools', d.pools);
  section('Machines', d.machines);
  section('Services', d.services);
  section('SQL stores', d.sqlStores);
  section('File stores', d.fileStores);
  section('Pairs (backup pools)', d.pairs);
  section('Edge routes', d.edgeRoutes);
  const other: string[] = [];
  if (d.cms) other.push(`  Central Management store moved: ${d.cms.from} → ${d.cms.to}`);
  if (d.product) other.push(`  product version ${d.product.from} → ${d.product.to}`);
  if (d.overlay.length) other.push(`  lyncdr.yaml: ${d.overlay.join(', ')} changed`);
  const sections: (AddedRemoved & { changed?: Change[] })[] = [d.sites, d.pools, d.machines, d.services, d.sqlStores, d.fileStores, d.pairs, d.edgeRoutes];
  const listed = other.length + sections.reduce((n, x) => n + x.added.length + x.removed.length + (x.changed?.length ?? 0), 0);
  if (!listed) other.push('  the fingerprints differ by something the lists do not name (a site location, the deployment name)');
  if (other.length) out.push('', 'Other', ...other);
  return out.join('\n') + '\n';
}
