#!/usr/bin/env node
/**
 * Generates the cmdlet index of packages/domain (cmdlet → parameters, per product version) from Microsoft's cmdlet
 * reference pages in ../shared/reference/<docs>/cmdlets. The domain package does no I/O, so the index is a committed
 * TypeScript module; `plan check` and the documents' cmdlet tests read it.
 *
 *   node tools/gen-cmdlet-index.mjs           writes every index
 *   node tools/gen-cmdlet-index.mjs --check   exits 1, naming the stale file, when a committed index differs
 *
 * A page applies to a product when its front matter `applicable:` names it (no `applicable:` means every product);
 * a parameter applies when its `> Applicable:` line names it. What the product lacks is kept apart (`elsewhere`,
 * `otherParams`) so that a diagnostic can say "exists only in Skype for Business Server 2019".
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reference = path.resolve(repo, '../shared/reference');

/**
 * One entry per product version: the folders its pages are in, the name the pages use, and the module written.
 * The SfB sets read the Lync 2013 pages (docs-en, which carry every version's `applicable:`) and the pages only
 * docs-sfb has (Start-CsPool, Invoke-CsComputerFailOver…, see docs-sfb/INDEX.md Group 4); a page in both folders
 * must be the same page.
 */
export const PRODUCTS = [
  {
    key: 'lync2013',
    constant: 'LYNC2013_CMDLETS',
    label: 'Lync Server 2013',
    sources: ['docs-en/cmdlets'],
    out: 'packages/domain/src/dr/cmdlets/index-2013.ts',
  },
  {
    key: 'sfb2015',
    constant: 'SFB2015_CMDLETS',
    label: 'Skype for Business Server 2015',
    sources: ['docs-en/cmdlets', 'docs-sfb/cmdlets'],
    out: 'packages/domain/src/dr/cmdlets/index-2015.ts',
  },
  {
    key: 'sfb2019',
    constant: 'SFB2019_CMDLETS',
    label: 'Skype for Business Server 2019',
    sources: ['docs-en/cmdlets', 'docs-sfb/cmdlets'],
    out: 'packages/domain/src/dr/cmdlets/index-2019.ts',
  },
];

/** PowerShell common parameters: accepted by every cmdlet whose page has a CommonParameters section. */
export const COMMON_PARAMETERS = ['Debug', 'ErrorAction', 'ErrorVariable', 'InformationAction', 'InformationVariable', 'OutBuffer', 'OutVariable', 'PipelineVariable', 'Verbose', 'WarningAction', 'WarningVariable'];

/**
 * Reads one cmdlet page: its applicable products, and each `### -Parameter` of its PARAMETERS section with the
 * products it applies to (undefined: every product), plus whether it lists CommonParameters.
 */
export function parseCmdletPage(text) {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const applicable = /^applicable:\s*(.*)$/m.exec(front)?.[1]?.trim();
  const params = [];
  let common = false;
  const at = text.indexOf('## PARAMETERS');
  const body = at === -1 ? '' : text.slice(at);
  for (const section of body.split(/\n### /).slice(1)) {
    const head = section.split('\n')[0].trim();
    if (head === 'CommonParameters') {
      common = true;
      continue;
    }
    if (!head.startsWith('-')) continue;
    const appl = /Applicable:\s*(.*)/.exec(section)?.[1]?.trim();
    params.push({ name: head.slice(1), applicable: appl });
  }
  return { applicable, params, common };
}

function applies(applicable, label) {
  return applicable === undefined || applicable.split(',').map((s) => s.trim()).includes(label);
}

/** Cmdlet name → page text, from one or more folders; a page that two folders hold differently is an error. */
export function readPages(dirs) {
  const pages = new Map();
  for (const dir of [dirs].flat()) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const name = file.replace(/\.md$/, '');
      const text = readFileSync(path.join(dir, file), 'utf8');
      const seen = pages.get(name);
      if (seen && seen.text !== text)
        throw new Error(`${name}.md differs between ${seen.dir} and ${dir}; keep one version of the page`);
      pages.set(name, { dir, text });
    }
  }
  return new Map([...pages.keys()].sort().map((k) => [k, pages.get(k).text]));
}

/** The index of one product from one folder (or several) of cmdlet pages. */
export function buildIndex(dirs, label) {
  const cmdlets = {};
  const elsewhere = {};
  for (const [name, text] of readPages(dirs)) {
    const page = parseCmdletPage(text);
    if (!applies(page.applicable, label)) {
      elsewhere[name] = page.applicable ?? '';
      continue;
    }
    const entry = { params: [], common: page.common };
    const other = {};
    for (const p of page.params) {
      if (applies(p.applicable, label)) entry.params.push(p.name);
      else other[p.name] = p.applicable ?? '';
    }
    entry.params.sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    if (Object.keys(other).length > 0) entry.otherParams = other;
    cmdlets[name] = entry;
  }
  return { product: label, cmdlets, elsewhere };
}

export function renderIndex(product, index) {
  const map = (obj) => Object.entries(obj).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  return [
    `// Generated by tools/gen-cmdlet-index.mjs from ${product.sources.map((d) => `../shared/reference/${d}`).join(' and ')}; do not edit.`,
    '// Regenerate: node tools/gen-cmdlet-index.mjs (test/cmdlet-index.test.ts fails when this file is stale).',
    "import type { CmdletSet } from './types';",
    '',
    `export const ${product.constant}: CmdletSet = {`,
    `  product: ${JSON.stringify(index.product)},`,
    `  source: ${JSON.stringify(product.sources.join(', '))},`,
    `  commonParameters: ${JSON.stringify(COMMON_PARAMETERS)},`,
    '  cmdlets: {',
    ...map(index.cmdlets),
    '  },',
    '  elsewhere: {',
    ...map(index.elsewhere),
    '  },',
    '};',
    '',
  ].join('\n');
}

function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const product of PRODUCTS) {
    const dirs = product.sources.map((d) => path.join(reference, d));
    const missing = dirs.find((d) => !existsSync(d));
    if (missing) {
      console.error(`gen-cmdlet-index: ${missing} is absent; ${product.out} not ${check ? 'checked' : 'written'}`);
      process.exitCode = 3;
      continue;
    }
    const index = buildIndex(dirs, product.label);
    const text = renderIndex(product, index);
    const out = path.join(repo, product.out);
    const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
    if (check) {
      if (current !== text) {
        console.error(`gen-cmdlet-index: ${product.out} is stale; run node tools/gen-cmdlet-index.mjs`);
        stale++;
      }
    } else if (current !== text) {
      writeFileSync(out, text);
      console.log(`gen-cmdlet-index: wrote ${product.out} (${Object.keys(index.cmdlets).length} cmdlets)`);
    }
  }
  if (stale > 0) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
