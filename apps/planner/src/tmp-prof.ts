import { createSampleTopology } from '@lyncdr/domain';
import { findRunbook } from '@lyncdr/documents';
import { renderDocument } from '@lyncdr/render';
const t = createSampleTopology({ mirrored: true });
const doc = findRunbook('backup')!.build(t, { lang: 'en', pools: [], now: '2026-01-15T09:30:00Z', inputRevision: null });
for (let i = 0; i < 30; i++) { const c0 = process.cpuUsage(); const t0 = performance.now(); await renderDocument(doc, { format: "pdf" }); const c = process.cpuUsage(c0); console.log("wall", Math.round(performance.now() - t0), "cpu", Math.round((c.user + c.system) / 1000)); }
