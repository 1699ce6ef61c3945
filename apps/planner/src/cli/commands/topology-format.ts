import { productsOf, shortFingerprint, sqlName, topologyFingerprint, type ProductSource, type SqlStore, type Topology } from '@lyncdr/topology';

const PRODUCT_FROM: Record<ProductSource, string> = {
  overlay: 'lyncdr.yaml',
  topology: 'topology ServiceVersion',
  agent: 'reported by an agent',
  unknown: 'set product: or products: in lyncdr.yaml',
};
const HA_FROM = { overlay: 'backEndHa:', mirrors: 'mirrors:', unknown: 'set backEndHa: in lyncdr.yaml' };
const haText = (s: SqlStore): string => `HA ${s.haType ?? 'unknown'} (${HA_FROM[s.haSource ?? 'unknown']})`;
const versionText = (v: string, source: ProductSource): string =>
  source === 'unknown' ? 'version unknown' : `version ${v} (${PRODUCT_FROM[source]})`;

/** Human output of `topology show`: sites → pools → machines, stores and databases, pairs, CMS, findings. */
export function formatTopology(t: Topology): string {
  const out: string[] = [];
  out.push(`Deployment: ${t.deployment ?? 'TBD — owner'}`);
  out.push(`Source: ${t.source.file} (${t.source.format})`);
  const fingerprint = topologyFingerprint(t);
  out.push(`Fingerprint: ${shortFingerprint(fingerprint)} (SHA-256 ${fingerprint})`);
  const product = t.product ?? { version: 'unknown', source: 'unknown' as const };
  const versions = productsOf(t.pools);
  const mixed = product.source === 'unknown' && versions.length > 1;
  out.push(`Product: ${product.version} (${mixed ? `mixed: ${versions.join(', ')}` : PRODUCT_FROM[product.source]})`);
  if (t.source.documents) {
    out.push('Documents in the export:');
    for (const d of t.source.documents)
      out.push(
        `  ${d.entry}${d.element ? ` <${d.element}>` : ''}${d.name ? ` ${d.name}` : ''}${d.topology ? '  ← topology' : ''}`,
      );
  }
  out.push('', 'Sites');
  for (const s of t.sites) {
    out.push(`  ${s.id} ${s.name}${s.location ? ` (${s.location})` : ''} — ${s.kind} site`);
    for (const p of t.pools.filter((x) => x.site === s.id)) {
      const extra = [
        p.backupPool ? `backup pool ${p.backupPool}` : '',
        p.edgePool ? `Edge ${p.edgePool}` : '',
        p.nextHop ? `next hop ${p.nextHop}` : '',
        p.mirroredBackEnd ? 'mirrored back end' : '',
      ].filter(Boolean);
      out.push(`    ${p.fqdn}  [${p.kind}]${extra.length ? '  ' + extra.join(', ') : ''}`);
      out.push(`      ${versionText(p.product ?? 'unknown', p.productSource ?? 'unknown')}`);
      for (const b of t.sqlStores.filter((x) => x.kind === 'BackEnd' && x.pools.includes(p.fqdn)))
        out.push(`      back end: ${sqlName(b)}, ${haText(b)}`);
      for (const m of p.machines) out.push(`      - ${m}`);
    }
  }
  out.push('', 'SQL stores');
  if (!t.sqlStores.length) out.push('  (none)');
  for (const s of t.sqlStores) {
    const ha = [s.mirror ? `mirror ${sqlName(s.mirror)}` : '', s.witness ? `witness ${sqlName(s.witness)}` : '']
      .filter(Boolean)
      .join(', ');
    out.push(`  ${s.id}  [${s.kind}] on ${sqlName(s)}${ha ? ` (${ha})` : ''}`);
    out.push(`      databases: ${s.databases.join(', ') || '(not known for this role)'}`);
    out.push(`      ${haText(s)}`);
    out.push(`      used by: ${s.pools.join(', ') || '(no pool)'}`);
  }
  out.push('', 'File stores');
  if (!t.fileStores.length) out.push('  (none)');
  for (const f of t.fileStores) out.push(`  ${f.unc}  used by: ${f.pools.join(', ') || '(no pool)'}`);
  out.push('', 'Pairs (backup pools)');
  if (!t.pairs.length) out.push('  (none — pairing is read from the overlay, see docs/overlay.md)');
  for (const [a, b] of t.pairs) out.push(`  ${a} ↔ ${b}`);
  out.push('', 'Central Management store');
  if (t.cms) {
    out.push(
      `  pool ${t.cms.pool}, SQL ${sqlName({ server: t.cms.sqlServer, instance: t.cms.instance })}${t.cms.standbyPool ? `, standby in ${t.cms.standbyPool}` : ', no standby (pool not paired)'}`,
    );
  } else out.push('  not found in this topology');
  if (t.federation.lyncEdge || t.federation.xmppEdge) {
    out.push('', 'Federation');
    if (t.federation.lyncEdge) out.push(`  Lync federation via ${t.federation.lyncEdge}`);
    if (t.federation.xmppEdge) out.push(`  XMPP federation via ${t.federation.xmppEdge}`);
  }
  const o = t.overlay;
  if (o) {
    const rows = [
      ...Object.entries(o.owners).map(([k, v]) => `owner ${k}: ${v.name}${v.email ? ` <${v.email}>` : ''}`),
      ...Object.entries(o.destinations).map(([k, v]) => `destination ${k}: ${v}`),
      ...Object.entries(o.schedules).map(([k, v]) => `schedule ${k}: ${v}`),
      o.targets.rpoMinutes !== null ? `RPO: ${o.targets.rpoMinutes} min` : '',
      o.targets.rtoMinutes !== null ? `RTO: ${o.targets.rtoMinutes} min` : '',
      ...Object.entries(o.targets.perPool).map(
        ([k, v]) =>
          `targets ${k}: ${[v.rpoMinutes !== undefined ? `RPO ${v.rpoMinutes} min` : '', v.rtoMinutes !== undefined ? `RTO ${v.rtoMinutes} min` : ''].filter(Boolean).join(', ')}`,
      ),
    ].filter(Boolean);
    if (rows.length) {
      out.push('', `Backup plan (${o.file ?? 'overlay'})`);
      for (const r of rows) out.push(`  ${r}`);
    }
  }
  out.push('', `Findings (${t.findings.length})`);
  if (!t.findings.length) out.push('  none');
  for (const f of t.findings)
    out.push(`  ${f.severity.toUpperCase().padEnd(7)} ${f.code}: ${f.message}${f.ref ? ` [${f.ref}]` : ''}`);
  return out.join('\n') + '\n';
}
