/**
 * Documents to PDF: `lyncdr documents` writing every worksheet and every runbook that applies to the two-site example,
 * in English and French, into a folder — one whole process, fonts parsed once. Absolute target (no peer tool writes
 * these documents). Second column: the same set rendered in-process after a warm-up run (median CPU time), which is
 * what the rendering itself costs once the process is up.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildInventory } from '@lyncdr/domain';
import { allRunbooks, buildWorksheet, worksheetKinds, type Document, type Lang } from '@lyncdr/documents';
import { renderDocument } from '@lyncdr/render';
import { applyOverlay, parseOverlay, parseTopologyDocument } from '@lyncdr/topology';
import { entryCmd, measurePair, median, repoRoot } from './whole-process';
import type { Bench, RowSpec } from './types';

const NOW = '2026-02-02T10:00:00.000Z';
const example = (f: string) => path.join(repoRoot, 'examples/two-site', f);

const rows: RowSpec[] = [
  {
    id: 'documents-set',
    title: 'every worksheet and runbook of the two-site example, en + fr, PDF, one process',
    subject: { kind: 'process', entry: 'lyncdr-cli', label: 'lyncdr documents' },
    peer: null,
    target: { text: '< 5 s', msMax: 5000 },
    inProcessLabel: 'rendering alone, in-process after a warm-up (median CPU)',
  },
];

function allDocuments(): Document[] {
  const t = applyOverlay(parseTopologyDocument(new Uint8Array(readFileSync(example('topology.xml'))), { file: 'topology.xml' }), parseOverlay(readFileSync(example('lyncdr.yaml'), 'utf8'), { file: 'lyncdr.yaml' }));
  const inventory = buildInventory(t);
  const docs: Document[] = [];
  for (const lang of ['en', 'fr'] as Lang[]) {
    for (const kind of worksheetKinds) docs.push(buildWorksheet(kind, t, inventory, { lang, now: NOW, inputRevision: 'bench' }));
    const opts = { lang, pools: [], now: NOW, inputRevision: 'bench' };
    for (const r of allRunbooks()) if (r.applies(t, opts) === null) docs.push(r.build(t, opts));
  }
  return docs;
}

async function inProcessCpuMs(docs: Document[]): Promise<number> {
  const once = async () => {
    const c0 = process.cpuUsage();
    for (const d of docs) await renderDocument(d, { format: 'pdf' });
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  await once();
  const cpu: number[] = [];
  for (let i = 0; i < 3; i++) cpu.push(await once());
  return median(cpu);
}

const bench: Bench = {
  id: 'documents',
  description: 'lyncdr documents: all worksheets and runbooks (en + fr) of the two-site example to PDF in one process',
  rows,
  async run() {
    const out = mkdtempSync(path.join(tmpdir(), 'lyncdr-bench-docs-'));
    try {
      const docs = allDocuments();
      const cmd = entryCmd('lyncdr-cli', ['documents', example('topology.xml'), '--overlay', example('lyncdr.yaml'), '-o', out]);
      const r = measurePair(rows[0]!, cmd, null, {
        checkOurs: () => {
          const n = readdirSync(out).filter((f) => f.endsWith('.pdf')).length;
          if (n !== docs.length) throw new Error(`lyncdr documents wrote ${n} PDFs, expected ${docs.length}`);
        },
        note: `(${docs.length} PDFs)`,
      });
      r.inProcess = { value: await inProcessCpuMs(docs), unit: 'ms' };
      return [r];
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
};
export default bench;
