import type { Block, Document, TableCell, Text } from '@lyncdr/documents';
import { labelsFor, plannersLine, type RenderLabels } from './labels';
import { toSpans } from './inline';

/** Escapes Markdown punctuation that would change the meaning of plain text. */
export function mdEscape(s: string): string {
  return s.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

function code(s: string): string {
  const fence = s.includes('`') ? '``' : '`';
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

export function mdText(text: Text): string {
  return toSpans(text)
    .map((s) => {
      if (s.text === '') return '';
      switch (s.style) {
        case 'bold':
          return `**${mdEscape(s.text)}**`;
        case 'italic':
          return `*${mdEscape(s.text)}*`;
        case 'code':
          return code(s.text);
        case 'blank':
          return `_${mdEscape(s.text)}_ \\_\\_\\_\\_\\_\\_`;
        default:
          return mdEscape(s.text);
      }
    })
    .join('')
    .replace(/\n/g, '  \n');
}

function mdCell(cell: TableCell): string {
  if (typeof cell === 'object' && !Array.isArray(cell) && 'blank' in cell) return cell.hint ? `_${mdEscape(cell.hint)}_` : ' ';
  if (typeof cell === 'object' && !Array.isArray(cell) && 'checkbox' in cell) return cell.checked ? '☑' : '☐';
  return mdText(cell).replace(/ {2}\n/g, '<br>');
}

function fenced(lines: string[], language: string): string {
  const longest = Math.max(2, ...lines.map((l) => (l.match(/`+/g) ?? []).reduce((m, r) => Math.max(m, r.length), 0)));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${language}`, ...lines, fence].join('\n');
}

function block(b: Block, L: RenderLabels): string {
  switch (b.type) {
    case 'heading':
      return `${'#'.repeat(b.level + 1)} ${mdEscape(b.text)}`;
    case 'paragraph':
      if (!b.tone || b.tone === 'normal') return mdText(b.text);
      return `> **${L[b.tone]}${L.colon.trimEnd()}** ${mdText(b.text).replace(/\n/g, '\n> ')}`;
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${mdText(item)}`).join('\n');
    case 'checklist':
      return b.items.map((item) => `- [${item.checked ? 'x' : ' '}] ${mdText(item.text)}`).join('\n');
    case 'code':
      return fenced(b.lines, b.language);
    case 'keyvalue':
      return b.pairs.map(([k, v]) => `- **${mdEscape(k)}${L.colon.trimEnd()}** ${mdText(v)}`).join('\n');
    case 'signature':
      return b.roles
        .map((r) => `**${mdEscape(r)}**  \n${L.name}${L.colon}______________  ${L.signature}${L.colon}______________  ${L.date}${L.colon}__________`)
        .join('\n\n');
    case 'pagebreak':
      return '---';
    case 'table': {
      const head = `| ${b.columns.map((c) => mdEscape(c.header)).join(' | ')} |`;
      const rule = `| ${b.columns.map((c) => (c.align === 'right' ? '---:' : c.align === 'center' ? ':---:' : '---')).join(' | ')} |`;
      const rows = b.rows.map((row) => `| ${b.columns.map((_, i) => mdCell(row[i] ?? '')).join(' | ')} |`);
      return [b.caption ? `**${mdEscape(b.caption)}**\n` : '', head, rule, ...rows].filter(Boolean).join('\n');
    }
    case 'step': {
      const out = [`### ${L.step} ${b.n}. ${mdEscape(b.title)}`];
      const meta = [
        b.on ? `${L.runOn}${L.colon}${code(b.on)}` : null,
        b.durationMinutes != null ? L.duration(b.durationMinutes) : null,
        b.manual ? `*${L.manual}*` : null,
      ].filter(Boolean);
      if (meta.length) out.push(meta.join(' · '));
      if (b.body !== undefined) out.push(mdText(b.body));
      if (b.commands.length) out.push(fenced(b.commands, 'powershell'));
      if (b.verify !== undefined) out.push(`**${L.verify}${L.colon.trimEnd()}** ${mdText(b.verify)}`);
      if (b.ref) out.push(`*${L.reference}${L.colon}${mdEscape(b.ref)}*`);
      if (b.timing) out.push(`${L.started}${L.colon}____ · ${L.finished}${L.colon}____ · ${L.initials}${L.colon}____`);
      return out.join('\n\n');
    }
  }
}

/** Renders a Document to Markdown (GitHub flavour): same content as the PDF, for wikis and diffs. */
export function renderMarkdown(doc: Document): string {
  const L = labelsFor(doc.meta.lang);
  const m = doc.meta;
  const head = [`# ${mdEscape(m.title)}`];
  if (m.subtitle) head.push(`*${mdEscape(m.subtitle)}*`);
  const facts = [m.deployment, `${L.generated} ${m.generatedAt}`, m.inputRevision ? `${L.revision} ${m.inputRevision}` : null, m.fingerprint ? `${L.fingerprint} ${m.fingerprint.slice(0, 16)}` : null].filter(Boolean);
  head.push(facts.map((f) => mdEscape(String(f))).join(' · '));
  const planners = plannersLine(m, L);
  if (planners) head.push(mdEscape(planners));
  return [...head, ...doc.blocks.map((b) => block(b, L))].join('\n\n') + '\n';
}
