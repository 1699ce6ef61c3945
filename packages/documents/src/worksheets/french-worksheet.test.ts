/**
 * The worksheets in French: the overlay's schedules are worded in French, and no cell of the examples' worksheets is an
 * English sentence (the same heuristic as the plans' French test, outside code spans).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildInventory } from '@lyncdr/domain';
import { applyOverlay, parseOverlay, parseTopologyDocument } from '@lyncdr/topology';
import type { Block, Document, TableCell, Text } from '../model';
import { buildWorksheet } from './build-worksheet';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const NOW = '2026-11-22T20:00:00.000Z';

function load(dir: string) {
  const file = path.join(repo, 'examples', dir);
  const t = parseTopologyDocument(new Uint8Array(readFileSync(path.join(file, 'topology.xml'))), { file: 'topology.xml' });
  return applyOverlay(t, parseOverlay(readFileSync(path.join(file, 'lyncdr.yaml'), 'utf8'), { file: 'lyncdr.yaml' }));
}

function words(t: Text | TableCell | undefined, out: string[]): void {
  if (t === undefined) return;
  if (typeof t === 'string') out.push(t);
  else if (Array.isArray(t)) t.forEach((x) => words(x, out));
  else if ('text' in t && t.style !== 'code') out.push(t.text);
}

function cells(d: Document): string[] {
  const out: string[] = [];
  for (const b of d.blocks as Block[]) {
    if (b.type === 'table') b.rows.forEach((r) => r.forEach((c) => words(c, out)));
    else if (b.type === 'paragraph') words(b.text, out);
  }
  return out;
}

describe.each(['two-site', 'standard-edition'])('French worksheets of examples/%s', (dir) => {
  const t = load(dir);
  const doc = buildWorksheet('all', t, buildInventory(t), { lang: 'fr', now: NOW, inputRevision: 'r' });
  const text = cells(doc);

  it('word the overlay schedules in French', () => {
    const overlay = readFileSync(path.join(repo, 'examples', dir, 'lyncdr.yaml'), 'utf8');
    const times = [...overlay.matchAll(/^\s+\w+: daily (\d\d):(\d\d)$/gm)].map((m) => `tous les jours à ${m[1]} h ${m[2]}`);
    expect(times.length).toBeGreaterThan(0);
    for (const x of times) expect(text).toContain(x);
    expect(text.filter((s) => /\bdaily\b/i.test(s))).toEqual([]);
  });
});
