import type { Tone } from './colors';

/** A table cell: its text, and the tone it is coloured with on a terminal. */
export type Cell = string | { text: string; tone: Tone | null };

const textOf = (c: Cell) => (typeof c === 'string' ? c : c.text);

/**
 * Lines of a table with a header row and columns aligned on the widest cell; the last column is not padded, so lines
 * carry no trailing spaces. `paint` colours the toned cells (the padding stays outside the colour codes).
 */
export function formatTable(header: string[], rows: Cell[][], paint: (tone: Tone, text: string) => string = (_t, s) => s, indent = ''): string[] {
  const all: Cell[][] = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => textOf(r[i] ?? '').length)));
  return all.map((r) =>
    indent +
    r
      .map((c, i) => {
        const text = textOf(c);
        const shown = typeof c !== 'string' && c.tone ? paint(c.tone, text) : text;
        return i === r.length - 1 ? shown : shown + ' '.repeat(widths[i]! - text.length);
      })
      .join('  ')
      .trimEnd(),
  );
}
