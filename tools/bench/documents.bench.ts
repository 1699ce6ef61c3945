/**
 * Documents to PDF: every worksheet and every runbook that applies to the two-site example, in English and French,
 * rendered by @lyncdr/render (layout, tables, embedded fonts); and one Database worksheet of at least 200 rows.
 * Peer: pdfkit writing the same text as plain lines with its own flow and no layout of ours (same embedded font).
 * Time is the median CPU time (user + system) of in-process runs after a warm-up run: steadier than wall time on
 * a shared machine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildInventory, createSampleTopology } from '@lyncdr/domain';
import { allRunbooks, buildWorksheet, worksheetKinds, type Document, type Lang } from '@lyncdr/documents';
import { documentPlainLines, renderDocument, writePlainTextPdf } from '@lyncdr/render';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from '@lyncdr/topology';
import type { Bench, BenchResult } from './types';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NOW = '2026-02-02T10:00:00.000Z';

function twoSite(): Topology {
  const dir = path.join(repo, 'examples/two-site');
  const t = parseTopologyDocument(new Uint8Array(readFileSync(path.join(dir, 'topology.xml'))), { file: 'topology.xml' });
  return applyOverlay(t, parseOverlay(readFileSync(path.join(dir, 'lyncdr.yaml'), 'utf8'), { file: 'lyncdr.yaml' }));
}

function allDocuments(t: Topology): Document[] {
  const inventory = buildInventory(t);
  const docs: Document[] = [];
  for (const lang of ['en', 'fr'] as Lang[]) {
    for (const kind of worksheetKinds) docs.push(buildWorksheet(kind, t, inventory, { lang, now: NOW, inputRevision: 'bench' }));
    const opts = { lang, pools: [], now: NOW, inputRevision: 'bench' };
    for (const r of allRunbooks()) if (r.applies(t, opts) === null) docs.push(r.build(t, opts));
  }
  return docs;
}

function tableRows(doc: Document): number {
  return doc.blocks.reduce((n, b) => n + (b.type === 'table' ? b.rows.length : 0), 0);
}

/** A Database worksheet with at least 200 rows: a generated deployment with enough sites. */
function bigWorksheet(): Document {
  for (let sites = 20; sites <= 400; sites += 10) {
    const t = createSampleTopology({ sites, archiving: true, monitoring: true });
    const doc = buildWorksheet('database', t, buildInventory(t), { lang: 'en', now: NOW, inputRevision: 'bench' });
    if (tableRows(doc) >= 200) return doc;
  }
  throw new Error('could not generate a 200-row worksheet');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function cpuTime(fn: () => Promise<unknown>, runs: number): Promise<{ cpu: number; wall: number; firstCpu: number }> {
  const f0 = process.cpuUsage();
  await fn();
  const f = process.cpuUsage(f0);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { cpu: median(cpu), wall: median(wall), firstCpu: (f.user + f.system) / 1000 };
}

const bench: Bench = {
  id: 'documents',
  description: 'all worksheets and runbooks (en + fr) of the two-site example to PDF; one 200-row worksheet (peer: pdfkit plain text)',
  async run(): Promise<BenchResult[]> {
    const docs = allDocuments(twoSite());
    const big = bigWorksheet();
    let pages = 0;
    const all = await cpuTime(async () => {
      pages = 0;
      for (const d of docs) pages += ((await renderDocument(d, { format: 'pdf' })) as Uint8Array).length > 0 ? 1 : 0;
    }, 3);
    const lines = docs.map(documentPlainLines);
    const allPeer = await cpuTime(async () => {
      for (const l of lines) await writePlainTextPdf(l);
    }, 3);
    const one = await cpuTime(() => renderDocument(big, { format: 'pdf' }), 5);
    const bigLines = documentPlainLines(big);
    const onePeer = await cpuTime(() => writePlainTextPdf(bigLines), 5);
    return [
      {
        name: `${docs.length} documents to PDF (median CPU time)`,
        value: all.cpu,
        unit: 'ms',
        target: '< 2000 ms',
        peer: { name: 'pdfkit plain text', value: allPeer.cpu },
        ratio: all.cpu / allPeer.cpu,
        note: `${worksheetKinds.length * 2} worksheets + ${docs.length - worksheetKinds.length * 2} runbooks, ${pages} PDFs; first run in the process (fonts parsed, words shaped) ${all.firstCpu.toFixed(0)} ms; wall ${all.wall.toFixed(0)} ms (peer ${allPeer.wall.toFixed(0)} ms)`,
      },
      {
        name: `worksheet of ${tableRows(big)} rows to PDF (median CPU time)`,
        value: one.cpu,
        unit: 'ms',
        target: '< 500 ms',
        peer: { name: 'pdfkit plain text', value: onePeer.cpu },
        ratio: one.cpu / onePeer.cpu,
        note: `wall ${one.wall.toFixed(0)} ms (peer ${onePeer.wall.toFixed(0)} ms)`,
      },
    ];
  },
};

export default bench;
