import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRunbooks, worksheetKinds } from '@lyncdr/documents';
import { example, run } from '../../testing/run-cli';

const twoSite = [example('two-site', 'topology.xml'), '--overlay', example('two-site', 'lyncdr.yaml')];

describe('lyncdr documents', () => {
  it('writes every worksheet and every runbook that applies, in English and French, into one folder', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'lyncdr-docs-')), 'out');
    const r = await run(['documents', ...twoSite, '--format', 'md', '-o', dir, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { written: { file: string; kind: string; id: string; lang: string }[]; skipped: { id: string; lang: string; reason: string }[] };
    const files = readdirSync(dir).sort();
    expect(files).toEqual(j.written.map((w) => path.basename(w.file)).sort());
    for (const lang of ['en', 'fr']) {
      for (const kind of worksheetKinds) expect(files).toContain(`worksheet-${kind}.${lang}.md`);
      // Each runbook is either written or skipped with its reason, never both.
      for (const spec of allRunbooks()) {
        const written = files.includes(`runbook-${spec.id}.${lang}.md`);
        const skipped = j.skipped.some((s) => s.id === spec.id && s.lang === lang);
        expect(written !== skipped, spec.id).toBe(true);
      }
    }
    expect(readFileSync(path.join(dir, 'worksheet-database.fr.md'), 'utf8')).not.toBe(readFileSync(path.join(dir, 'worksheet-database.en.md'), 'utf8'));
  });

  it('writes PDFs with --lang en only', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-docs-'));
    const r = await run(['documents', ...twoSite, '--lang', 'en', '-o', dir]);
    expect(r.code).toBe(0);
    const files = readdirSync(dir);
    expect(files.every((f) => f.endsWith('.en.pdf'))).toBe(true);
    expect(r.out).toContain(`wrote ${files.length} documents (en, pdf, a4)`);
    expect(readFileSync(path.join(dir, files[0]!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses a missing -o and an unknown language (exit 2)', async () => {
    expect((await run(['documents', ...twoSite])).code).toBe(2);
    const r = await run(['documents', ...twoSite, '--lang', 'de', '-o', tmpdir()]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('E_USAGE');
  });
});
