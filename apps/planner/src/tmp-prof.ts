import { readFileSync } from 'node:fs';
import { buildInventory } from '@lyncdr/domain';
import { allRunbooks, buildWorksheet, worksheetKinds, type Document } from '@lyncdr/documents';
import { renderDocument } from '@lyncdr/render';
import { applyOverlay, parseOverlay, parseTopologyDocument } from '@lyncdr/topology';
const t = applyOverlay(parseTopologyDocument(new Uint8Array(readFileSync('examples/two-site/topology.xml')), { file: 'x' }), parseOverlay(readFileSync('examples/two-site/lyncdr.yaml', 'utf8'), { file: 'y' }));
const docs: Document[] = [];
for (const lang of ['en', 'fr'] as const) {
  for (const kind of worksheetKinds) docs.push(buildWorksheet(kind, t, buildInventory(t), { lang, now: '2026-01-01T00:00:00Z', inputRevision: 'x' }));
  for (const r of allRunbooks()) { const o = { lang, pools: [], now: '2026-01-01T00:00:00Z', inputRevision: 'x' }; if (!r.applies(t, o)) docs.push(r.build(t, o)); }
}
for (let i = 0; i < 3; i++) { const c0 = process.cpuUsage(); for (const d of docs) await renderDocument(d, { format: 'pdf' }); const c = process.cpuUsage(c0); console.log('cpu', Math.round((c.user + c.system) / 1000)); }
