import type { Block, Document, Paper, TableCell, Text } from '@lyncdr/documents';
import { htmlCss } from './html-css';
import { labelsFor, plannersLine, type RenderLabels } from './labels';
import { toSpans } from './inline';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function htmlText(text: Text): string {
  return toSpans(text)
    .map((s) => {
      const t = esc(s.text).replace(/\n/g, '<br>');
      switch (s.style) {
        case 'bold':
          return `<strong>${t}</strong>`;
        case 'italic':
          return `<em>${t}</em>`;
        case 'code':
          return `<code>${t}</code>`;
        case 'blank':
          return `<span class="blank-inline">${t}</span>`;
        default:
          return t;
      }
    })
    .join('');
}

function box(checked: boolean): string {
  return `<span class="box" role="img" aria-label="${checked ? 'checked' : 'unchecked'}">${checked ? '✓' : ''}</span>`;
}

function cell(c: TableCell, wrap: 'words' | 'anywhere' | undefined): string {
  if (typeof c === 'object' && !Array.isArray(c) && 'blank' in c) return `<td class="blank">${c.hint ? esc(c.hint) : ''}</td>`;
  if (typeof c === 'object' && !Array.isArray(c) && 'checkbox' in c) return `<td>${box(c.checked === true)}</td>`;
  return `<td${wrap === 'anywhere' ? ' class="wrap-anywhere"' : ''}>${htmlText(c)}</td>`;
}

function pre(lines: string[], language: string): string {
  return `<pre class="lang-${esc(language)}"><code>${esc(lines.join('\n'))}</code></pre>`;
}

function block(b: Block, L: RenderLabels): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level + 1}${b.id ? ` id="${esc(b.id)}"` : ''}>${esc(b.text)}</h${b.level + 1}>`;
    case 'paragraph':
      if (!b.tone || b.tone === 'normal') return `<p>${htmlText(b.text)}</p>`;
      return `<p class="tone tone-${b.tone}"><strong>${esc(L[b.tone] + L.colon)}</strong>${htmlText(b.text)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${htmlText(i)}</li>`).join('')}</${tag}>`;
    }
    case 'checklist':
      return `<ul class="checklist">${b.items.map((i) => `<li>${box(i.checked === true)}${htmlText(i.text)}</li>`).join('')}</ul>`;
    case 'code':
      return pre(b.lines, b.language);
    case 'keyvalue':
      return `<dl class="kv">${b.pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${htmlText(v)}</dd>`).join('')}</dl>`;
    case 'signature':
      return b.roles
        .map((r) => `<div class="signature"><div class="role">${esc(r)}</div><span>${esc(L.name)}</span><span>${esc(L.signature)}</span><span>${esc(L.date)}</span></div>`)
        .join('');
    case 'pagebreak':
      return '<div class="pagebreak"></div>';
    case 'table': {
      const total = b.columns.reduce((s, x) => s + Math.max(x.width, 0), 0);
      const share = (w: number): number => (total > 0 ? (Math.max(w, 0) / total) * 100 : 100 / b.columns.length);
      const head = `<thead><tr>${b.columns.map((c) => `<th style="width:${share(c.width).toFixed(1)}%">${esc(c.header)}</th>`).join('')}</tr></thead>`;
      const rows = b.rows.map((row) => `<tr>${b.columns.map((c, i) => cell(row[i] ?? '', c.wrap)).join('')}</tr>`).join('');
      return `<table>${b.caption ? `<caption>${esc(b.caption)}</caption>` : ''}${head}<tbody>${rows}</tbody></table>`;
    }
    case 'step': {
      const meta = [
        b.on ? `${esc(L.runOn + L.colon)}<code>${esc(b.on)}</code>` : null,
        b.durationMinutes != null ? esc(L.duration(b.durationMinutes)) : null,
        b.manual ? `<em>${esc(L.manual)}</em>` : null,
      ].filter(Boolean);
      return [
        `<section class="step"><h4><span class="n">${b.n}</span>${esc(b.title)}</h4>`,
        meta.length ? `<div class="meta">${meta.join(' · ')}</div>` : '',
        b.body !== undefined ? `<p>${htmlText(b.body)}</p>` : '',
        b.commands.length ? pre(b.commands, 'powershell') : '',
        b.verify !== undefined ? `<p><strong>${esc(L.verify + L.colon)}</strong>${htmlText(b.verify)}</p>` : '',
        b.ref ? `<p class="meta"><em>${esc(L.reference + L.colon + b.ref)}</em></p>` : '',
        b.timing ? `<p class="timing"><span>${esc(L.started)} <i></i></span><span>${esc(L.finished)} <i></i></span><span>${esc(L.initials)} <i></i></span></p>` : '',
        '</section>',
      ].join('');
    }
  }
}

/** Renders a Document to one self-contained HTML page (inline print CSS, no external assets, all text escaped). */
export function renderHtml(doc: Document, paper: Paper = 'a4'): string {
  const L = labelsFor(doc.meta.lang);
  const m = doc.meta;
  const facts = [m.deployment, `${L.generated} ${m.generatedAt}`, m.inputRevision ? `${L.revision} ${m.inputRevision}` : null, m.fingerprint ? `${L.fingerprint} ${m.fingerprint.slice(0, 16)}` : null].filter(Boolean).map((f) => esc(String(f)));
  return [
    '<!DOCTYPE html>',
    `<html lang="${m.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta name="generator" content="lyncdr">`,
    `<meta name="date" content="${esc(m.generatedAt)}">`,
    m.keywords?.length ? `<meta name="keywords" content="${esc(m.keywords.join(', '))}">` : '',
    `<title>${esc(m.title)}</title>`,
    `<style>${htmlCss(paper, m.orientation)}</style>`,
    '</head>',
    '<body>',
    `<header class="doc"><h1>${esc(m.title)}</h1>${m.subtitle ? `<p><em>${esc(m.subtitle)}</em></p>` : ''}<p>${facts.join(' · ')}</p>${plannersLine(m, L) ? `<p class="planners">${esc(plannersLine(m, L) ?? '')}</p>` : ''}</header>`,
    '<main>',
    ...doc.blocks.map((b) => block(b, L)),
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}
