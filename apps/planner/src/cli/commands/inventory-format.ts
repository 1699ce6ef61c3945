import type { Inventory, InventoryItem } from '@lyncdr/domain';
import type { Topology } from '@lyncdr/topology';

const GROUPS: { kind: InventoryItem['kind']; title: string }[] = [
  { kind: 'database', title: 'Databases' },
  { kind: 'settings', title: 'Settings' },
  { kind: 'filestore', title: 'File stores' },
  { kind: 'other', title: 'Other data a restore needs' },
];

function itemLines(i: InventoryItem): string[] {
  const lines = [`  ${i.id}`, `      ${i.description}`];
  lines.push(`      host: ${i.host ?? '—'}   scope: ${i.scopeRef === i.scope ? i.scope : `${i.scope} ${i.scopeRef}`}   tool: ${i.tool}`);
  if (i.command) lines.push(`      command: ${i.command}`);
  lines.push(`      schedule: ${i.schedule ?? `(suggested) ${i.frequency.text}`}   destination: ${i.destination ?? 'TBD — owner'}   owner: ${i.owner ?? 'TBD — owner'}`);
  if (i.backupService) lines.push(`      Backup Service: ${i.backupService}`);
  lines.push(`      restore: ${i.restore}`, `      ref: ${i.ref}`);
  return lines;
}

/** Human output of `lyncdr inventory`: items grouped by kind, then what needs no backup, the Backup Service scope and findings. */
export function formatInventory(t: Topology, inv: Inventory): string {
  const out: string[] = [`Deployment: ${inv.deployment ?? '—'}`, `Source: ${t.source.file} (${t.source.format})`, ''];
  for (const g of GROUPS) {
    const items = inv.items.filter((i) => i.kind === g.kind);
    if (!items.length) continue;
    out.push(`${g.title} (${items.length})`, ...items.flatMap(itemLines), '');
  }
  out.push(`Needs no backup (${inv.notBackedUp.length})`);
  for (const n of inv.notBackedUp) out.push(`  ${n.name}${n.host ? ` on ${n.host}` : ''}: ${n.reason}`);
  out.push('');
  const bs = inv.backupService;
  if (bs) {
    out.push('Backup Service');
    if (bs.pairs.length) {
      out.push(`  pairs: ${bs.pairs.map(([a, b]) => `${a} ⇄ ${b}`).join(', ')}`);
      for (const r of bs.replicates) out.push(`  replicates: ${r.what} (${r.module})`);
    } else out.push('  no paired pools: the Backup Service protects nothing here');
    for (const d of bs.doesNotProtect) out.push(`  does not protect: ${d.what}`);
    out.push('');
  }
  const findings = [...t.findings, ...(inv.findings ?? [])];
  out.push(`Findings (${findings.length})`);
  for (const f of findings) out.push(`  ${f.severity.padEnd(7)} ${f.code}: ${f.message}`);
  return out.join('\n') + '\n';
}
