import type { TableBlock, TableCell, TableColumn } from '@lyncdr/documents';
import { toSpans } from '../../inline';
import { lineHeight, type Canvas } from '../canvas';
import { drawLine } from '../draw-text';
import type { Line } from '../layout-text';
import { theme } from '../theme';
import { drawCheckbox } from './checkbox';

type CellKind = 'text' | 'blank' | 'checkbox';

interface CellLayout {
  kind: CellKind;
  lines: Line[];
  checked: boolean;
}

const MIN_BLANK = 20;

export function cellKind(cell: TableCell): CellKind {
  if (typeof cell === 'object' && !Array.isArray(cell) && 'blank' in cell) return 'blank';
  if (typeof cell === 'object' && !Array.isArray(cell) && 'checkbox' in cell) return 'checkbox';
  return 'text';
}

/** Scales the relative column widths to the body width. */
export function columnWidths(columns: TableColumn[], total: number): number[] {
  const sum = columns.reduce((s, col) => s + Math.max(col.width, 0.0001), 0);
  return columns.map((col) => (Math.max(col.width, 0.0001) / sum) * total);
}

function layoutCell(c: Canvas, cell: TableCell, col: TableColumn, width: number, size: number): CellLayout {
  const kind = cellKind(cell);
  if (kind === 'checkbox') return { kind, lines: [], checked: (cell as { checked?: boolean }).checked === true };
  if (kind === 'blank') {
    const hint = (cell as { hint?: string }).hint;
    const lines = hint ? c.layout([{ text: hint, style: 'italic' }], width, theme.small, 'words') : [];
    return { kind, lines, checked: false };
  }
  return { kind, lines: c.layout(toSpans(cell as Exclude<TableCell, { blank: true } | { checkbox: true }>), width, size, col.wrap ?? 'words'), checked: false };
}

/**
 * A table: columns scaled to the page, wrapped cells, the header row repeated after a page break, rows kept whole
 * unless taller than a page, blank cells ruled with a faint hint, checkbox cells as drawn boxes.
 */
export function drawTable(c: Canvas, block: TableBlock): void {
  if (block.columns.length === 0) return;
  const pad = theme.cellPad;
  const size = theme.table;
  const lh = lineHeight(size);
  const widths = columnWidths(block.columns, c.width);
  const xs = widths.map((_, i) => c.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const header = block.columns.map((col, i) => c.layout([{ text: col.header, style: 'bold' }], widths[i]! - 2 * pad, size, 'words'));
  const headerH = Math.max(...header.map((l) => l.length)) * lh + 2 * pad;
  const repeat = block.repeatHeader !== false;

  const drawHeader = (): void => {
    c.doc.save().rect(c.left, c.y, c.width, headerH).fill(theme.color.headerFill).restore();
    header.forEach((lines, i) => {
      lines.forEach((line, k) => drawLine(c, line, xs[i]! + pad, c.y + pad + k * lh, widths[i]! - 2 * pad, block.columns[i]!.align ?? 'left'));
      strokeCell(c, xs[i]!, c.y, widths[i]!, headerH);
    });
    c.y += headerH;
  };

  if (block.caption) {
    const capLines = c.layout([{ text: block.caption, style: 'bold' }], c.width, theme.body, 'words');
    c.ensure(capLines.length * lineHeight(theme.body) + headerH + lh + 2 * pad + 2);
    for (const line of capLines) {
      drawLine(c, line, c.left, c.y, c.width);
      c.y += lineHeight(theme.body);
    }
    c.y += 2;
  } else {
    c.ensure(headerH + lh + 2 * pad);
  }
  drawHeader();

  const pageBody = c.bottom - c.top - (repeat ? headerH : 0);
  for (const row of block.rows) {
    const cells = block.columns.map((col, i) => layoutCell(c, row[i] ?? '', col, widths[i]! - 2 * pad, size));
    const minH = Math.max(...cells.map((cell) => (cell.kind === 'blank' ? MIN_BLANK : cell.kind === 'checkbox' ? size + 2 * pad + 2 : 0)));
    const textH = Math.max(...cells.map((cell) => cell.lines.length * lineHeight(cell.kind === 'blank' ? theme.small : size)));
    const rowH = Math.max(minH, textH + 2 * pad);
    if (c.y + rowH > c.bottom && rowH <= pageBody) {
      c.newPage();
      if (repeat) drawHeader();
    }
    if (rowH <= c.bottom - c.y) {
      drawRowPart(c, block, cells, xs, widths, 0, Number.POSITIVE_INFINITY, rowH);
      c.y += rowH;
      continue;
    }
    // Taller than a page: draw as many lines as fit, then continue the row on the next page.
    let from = 0;
    const maxLines = Math.max(...cells.map((cell) => cell.lines.length));
    while (from < maxLines) {
      let n = Math.floor((c.bottom - c.y - 2 * pad) / lh);
      if (n < 1) {
        c.newPage();
        if (repeat) drawHeader();
        n = Math.max(1, Math.floor((c.bottom - c.y - 2 * pad) / lh));
      }
      const take = Math.min(n, maxLines - from);
      const h = take * lh + 2 * pad;
      drawRowPart(c, block, cells, xs, widths, from, take, h);
      c.y += h;
      from += take;
      if (from < maxLines) {
        c.newPage();
        if (repeat) drawHeader();
      }
    }
  }
  c.y += theme.gap + 2;
}

function drawRowPart(c: Canvas, block: TableBlock, cells: CellLayout[], xs: number[], widths: number[], from: number, count: number, h: number): void {
  const pad = theme.cellPad;
  cells.forEach((cell, i) => {
    const x = xs[i]!;
    const w = widths[i]!;
    const align = block.columns[i]!.align ?? 'left';
    if (cell.kind === 'checkbox') {
      const box = theme.table;
      const bx = align === 'left' ? x + pad : x + (w - box) / 2;
      if (from === 0) drawCheckbox(c, bx, c.y + pad + 0.5, box, cell.checked);
    } else if (cell.kind === 'blank') {
      cell.lines.slice(from, from + count).forEach((line, k) => drawLine(c, line, x + pad, c.y + pad + k * lineHeight(theme.small), w - 2 * pad, 'left', theme.color.faint));
      const base = c.y + h - pad - 1;
      c.doc.save().lineWidth(0.4).strokeColor(theme.color.lightRule).dash(1.5, { space: 1.5 }).moveTo(x + pad, base).lineTo(x + w - pad, base).stroke().undash().restore();
    } else {
      const lh = lineHeight(theme.table);
      cell.lines.slice(from, from + count).forEach((line, k) => drawLine(c, line, x + pad, c.y + pad + k * lh, w - 2 * pad, align));
    }
    strokeCell(c, x, c.y, w, h);
  });
}

function strokeCell(c: Canvas, x: number, y: number, w: number, h: number): void {
  c.doc.save().lineWidth(0.5).strokeColor(theme.color.rule).rect(x, y, w, h).stroke().restore();
}
