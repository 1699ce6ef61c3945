import type { Block, Document, Text } from '@lyncdr/documents';
import { toSpans } from './inline';

/** The face a piece of text is set in (the PDF embeds one font per face). */
export type Face = 'regular' | 'bold' | 'italic' | 'mono';

/** A piece of text of the document, the face it is set in, and where it is (for error messages). */
export interface TextSite {
  text: string;
  face: Face;
  where: string;
}

const FACE: Record<string, Face> = { plain: 'regular', bold: 'bold', italic: 'italic', blank: 'italic', code: 'mono' };

function spans(text: Text, where: string): TextSite[] {
  return toSpans(text).map((s) => ({ text: s.text, face: FACE[s.style] ?? 'regular', where }));
}

function blockTexts(block: Block, where: string): TextSite[] {
  switch (block.type) {
    case 'heading':
      return [{ text: block.text, face: 'bold', where }];
    case 'paragraph':
      return spans(block.text, where);
    case 'list':
      return block.items.flatMap((item, i) => spans(item, `${where}, item ${i + 1}`));
    case 'checklist':
      return block.items.flatMap((item, i) => spans(item.text, `${where}, item ${i + 1}`));
    case 'code':
      return block.lines.map((line, i) => ({ text: line, face: 'mono' as const, where: `${where}, line ${i + 1}` }));
    case 'keyvalue':
      return block.pairs.flatMap(([k, v], i) => [{ text: k, face: 'bold' as const, where: `${where}, pair ${i + 1}` }, ...spans(v, `${where}, pair ${i + 1}`)]);
    case 'signature':
      return block.roles.map((r, i) => ({ text: r, face: 'bold' as const, where: `${where}, role ${i + 1}` }));
    case 'pagebreak':
      return [];
    case 'table': {
      const out: TextSite[] = [];
      if (block.caption) out.push({ text: block.caption, face: 'bold', where: `${where}, caption` });
      block.columns.forEach((col, i) => out.push({ text: col.header, face: 'bold', where: `${where}, header of column ${i + 1}` }));
      block.rows.forEach((row, r) =>
        row.forEach((cell, k) => {
          const at = `${where}, row ${r + 1}, column ${k + 1} (${block.columns[k]?.header ?? '?'})`;
          if (typeof cell === 'object' && !Array.isArray(cell) && 'blank' in cell) {
            if (cell.hint) out.push({ text: cell.hint, face: 'italic', where: at });
          } else if (typeof cell === 'object' && !Array.isArray(cell) && 'checkbox' in cell) {
            return;
          } else {
            out.push(...spans(cell, at));
          }
        }),
      );
      return out;
    }
    case 'step': {
      const at = `${where} (step ${block.n})`;
      const out: TextSite[] = [{ text: block.title, face: 'bold', where: `${at}, title` }];
      if (block.body !== undefined) out.push(...spans(block.body, `${at}, body`));
      block.commands.forEach((cmd, i) => out.push({ text: cmd, face: 'mono', where: `${at}, command ${i + 1}` }));
      if (block.verify !== undefined) out.push(...spans(block.verify, `${at}, verify`));
      if (block.on) out.push({ text: block.on, face: 'mono', where: `${at}, run on` });
      if (block.ref) out.push({ text: block.ref, face: 'italic', where: `${at}, reference` });
      return out;
    }
  }
}

/** Every piece of text a renderer will set, with its location: meta first, then each block. */
export function documentTexts(doc: Document): TextSite[] {
  const m = doc.meta;
  const out: TextSite[] = [{ text: m.title, face: 'bold', where: 'meta.title' }];
  if (m.subtitle) out.push({ text: m.subtitle, face: 'italic', where: 'meta.subtitle' });
  if (m.deployment) out.push({ text: m.deployment, face: 'regular', where: 'meta.deployment' });
  m.planners?.forEach((p, i) => out.push({ text: [p.name, p.url].filter(Boolean).join(' '), face: 'regular', where: `meta.planners ${i + 1}` }));
  doc.blocks.forEach((block, i) => out.push(...blockTexts(block, `block ${i + 1} (${block.type})`)));
  return out;
}

/** The document's text as plain lines (no layout): what a plain-text PDF of the same content would hold. */
export function documentPlainLines(doc: Document): string[] {
  return documentTexts(doc).flatMap((s) => s.text.split('\n'));
}
