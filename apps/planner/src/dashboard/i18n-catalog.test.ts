/**
 * The dashboard's words: English and French have the same keys, and every key the pages ask for with t('…') exists
 * (a key missing in one language would show as the bare key).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const assets = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');
const source = readFileSync(path.join(assets, 'i18n.js'), 'utf8');
const catalogs = new Function(`${source.slice(source.indexOf('const en = {'), source.indexOf('const catalogs'))}; return { en, fr };`)() as Record<'en' | 'fr', Record<string, unknown>>;

describe('the dashboard catalogs', () => {
  it('have the same keys in English and French', () => {
    expect(Object.keys(catalogs.fr).sort()).toEqual(Object.keys(catalogs.en).sort());
    expect(Object.keys(catalogs.en).length).toBeGreaterThan(100);
  });

  it('hold every key the pages ask for', () => {
    const asked = new Set<string>();
    for (const f of readdirSync(assets).filter((n) => n.endsWith('.js'))) {
      for (const m of readFileSync(path.join(assets, f), 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) asked.add(m[1]!);
    }
    expect(asked.size).toBeGreaterThan(50);
    expect([...asked].filter((k) => !(k in catalogs.en)).sort()).toEqual([]);
  });
});
