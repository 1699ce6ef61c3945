import type { CodeBlock } from '@lyncdr/documents';
import { lineHeight, type Canvas } from '../canvas';
import { flowRows } from '../flow';
import { theme } from '../theme';

/** Marker at the end of a broken line: a backtick is PowerShell's own line continuation, so a copy still runs. */
export function continuationMarker(language: CodeBlock['language']): string {
  return language === 'powershell' ? ' `' : ' \u21b5';
}

const INDENT = '    ';

/**
 * The tokens of a code line, each with its trailing spaces. A `<placeholder>` a person fills in and a quoted string
 * are one token even with spaces inside: a continuation backtick there would end up in the value (inside a
 * double-quoted string it even escapes the line break).
 */
export function codeTokens(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  let quote: string | null = null;
  for (const ch of text) {
    if (ch === ' ' && depth === 0 && quote === null) {
      cur += ch;
      continue;
    }
    if (depth === 0 && quote === null && cur.endsWith(' ') && cur.trim() !== '') {
      out.push(cur);
      cur = '';
    }
    cur += ch;
    if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      if (depth === 0) quote = ch;
    } else if (ch === '<') {
      depth++;
    } else if (ch === '>' && depth > 0) {
      depth--;
    }
  }
  if (cur !== '') out.push(cur);
  return out;
}

/**
 * Breaks one code line into visual lines at spaces only, never inside a token (codeTokens). Continuation lines are
 * indented and every line but the last ends with the marker. `fits(s)` says whether a string fits the line.
 */
export function wrapCodeLine(text: string, marker: string, fits: (s: string) => boolean): string[] {
  if (fits(text)) return [text];
  const tokens = codeTokens(text);
  const out: string[] = [];
  let cur = '';
  for (const tok of tokens) {
    const candidate = cur + tok;
    if (cur !== '' && cur.trim() !== '' && !fits(candidate.trimEnd() + marker)) {
      out.push(cur.trimEnd() + marker);
      cur = INDENT + tok;
      continue;
    }
    cur = candidate;
  }
  if (cur !== '') out.push(cur.trimEnd());
  // Last resort, only for a token wider than the line even at the smallest size: a placeholder breaks between its
  // words with no marker (it is replaced by hand anyway); anything else splits between characters.
  return out.flatMap((line) => (fits(line) ? [line] : /^\s*<.*>( `)?$/.test(line) ? splitPlaceholder(line, marker, fits) : splitChars(line, marker, fits)));
}

function splitPlaceholder(line: string, marker: string, fits: (s: string) => boolean): string[] {
  const tail = line.endsWith(marker) ? marker : '';
  const words = line.slice(0, line.length - tail.length).split(/(?<= )/);
  const out: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur.trim() !== '' && !fits((cur + w).trimEnd())) {
      out.push(cur.trimEnd());
      cur = INDENT + w;
    } else {
      cur += w;
    }
  }
  out.push(cur.trimEnd() + tail);
  return out.flatMap((l) => (fits(l) ? [l] : splitChars(l, '', fits)));
}

function splitChars(line: string, marker: string, fits: (s: string) => boolean): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of Array.from(line)) {
    if (cur !== '' && !fits(cur + ch + marker)) {
      out.push(cur + marker);
      cur = '';
    }
    cur += ch;
  }
  if (cur !== '') out.push(cur);
  return out;
}

/** Size at which the widest token of every line (plus indent and marker) fits the width. */
export function codeFontSize(lines: string[], marker: string, width: number, c: Canvas, base: number): number {
  let widest = 0;
  for (const line of lines) {
    for (const tok of codeTokens(line)) widest = Math.max(widest, c.measure(INDENT + tok.trimEnd() + marker, 'mono', base));
  }
  if (widest <= width) return base;
  return Math.max(theme.minCode, Math.floor((base * width * 10) / widest) / 10);
}

const PAD_X = 6;
const PAD_Y = 4;

/** The visual lines of a code block at the size that fits `width`. */
export function layoutCode(c: Canvas, block: CodeBlock, width: number): { size: number; lines: string[]; height: number } {
  const inner = width - 2 * PAD_X;
  const marker = continuationMarker(block.language);
  const source = block.lines.map((l) => l.replace(/\t/g, '    '));
  const size = codeFontSize(source, marker, inner, c, theme.code);
  const lines = source.flatMap((l) => wrapCodeLine(l, marker, (s) => c.measure(s, 'mono', size) <= inner));
  return { size, lines, height: lines.length * lineHeight(size) + 2 * PAD_Y + theme.gap };
}

/** Code in monospace on a grey band; long lines break only at spaces, with a continuation marker. */
export function drawCode(c: Canvas, block: CodeBlock, x = c.left, width = c.width): void {
  const padX = PAD_X;
  const { size, lines: visual } = layoutCode(c, block, width);
  const lh = lineHeight(size);
  flowRows(
    c,
    visual.map((text) => ({ height: lh, draw: (y) => c.put(text, x + padX, y, 'mono', size) })),
    { fill: theme.color.codeFill, bar: theme.color.lightRule, x, width, padY: PAD_Y },
  );
  c.y += theme.gap;
}
