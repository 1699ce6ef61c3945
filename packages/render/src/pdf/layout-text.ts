import type { Span } from '../inline';
import type { FontKey } from './fonts';

export type Wrap = 'words' | 'anywhere';

export interface Piece {
  text: string;
  font: FontKey;
  size: number;
  blank: boolean;
  /** A space separates this piece from the previous one (a break there drops the space). */
  spaceBefore: boolean;
  x: number;
  width: number;
}

export interface Line {
  pieces: Piece[];
  width: number;
}

export type Measure = (text: string, font: FontKey, size: number) => number;

/** Characters after which an FQDN, UNC path or file name may break (`wrap: 'anywhere'`). */
const BREAK_AFTER = /(?<=[.\\/\-_:])/;
const HAS_BREAK = /[.\\/\-_:]./;

export function fontOf(style: Span['style']): FontKey {
  switch (style) {
    case 'bold':
      return 'bold';
    case 'italic':
    case 'blank':
      return 'italic';
    case 'code':
      return 'mono';
    default:
      return 'regular';
  }
}

interface Token {
  text: string;
  font: FontKey;
  size: number;
  blank: boolean;
  spaceBefore: boolean;
  /** Starts a new line (an explicit newline in the text). */
  hardBreak: boolean;
}

function tokenize(spans: Span[], size: number, wrap: Wrap): Token[] {
  const tokens: Token[] = [];
  let pendingSpace = false;
  let pendingBreak = false;
  for (const span of spans) {
    const font = fontOf(span.style);
    const fsize = span.style === 'code' ? size * 0.94 : size;
    const blank = span.style === 'blank';
    if (blank) {
      tokens.push({ text: span.text, font, size: fsize, blank, spaceBefore: pendingSpace, hardBreak: pendingBreak });
      pendingSpace = false;
      pendingBreak = false;
      continue;
    }
    const parts = span.text.replace(/\t/g, '    ').split(/(\n| +)/);
    for (const part of parts) {
      if (part === '') continue;
      if (part === '\n') {
        pendingBreak = true;
        pendingSpace = false;
        continue;
      }
      if (part.charCodeAt(0) === 32) {
        pendingSpace = true;
        continue;
      }
      // A no-break space stays inside the word.
      const segments = wrap === 'anywhere' && HAS_BREAK.test(part) ? part.split(BREAK_AFTER) : [part];
      segments.forEach((seg, i) => {
        tokens.push({
          text: seg,
          font,
          size: fsize,
          blank: false,
          spaceBefore: i === 0 && pendingSpace,
          hardBreak: i === 0 && pendingBreak,
        });
      });
      pendingSpace = false;
      pendingBreak = false;
    }
  }
  return tokens;
}

/** Splits a token wider than the line: first at FQDN/path characters, then between characters. */
function splitToken(tok: Token, maxWidth: number, measure: Measure): Token[] {
  const pieces: Token[] = [];
  const segs = tok.text.split(BREAK_AFTER);
  let acc = '';
  const flush = (): void => {
    if (acc !== '') pieces.push({ ...tok, text: acc, spaceBefore: pieces.length === 0 && tok.spaceBefore, hardBreak: pieces.length === 0 && tok.hardBreak });
    acc = '';
  };
  for (const seg of segs) {
    if (measure(acc + seg, tok.font, tok.size) <= maxWidth) {
      acc += seg;
      continue;
    }
    flush();
    if (measure(seg, tok.font, tok.size) <= maxWidth) {
      acc = seg;
      continue;
    }
    for (const ch of Array.from(seg)) {
      if (acc !== '' && measure(acc + ch, tok.font, tok.size) > maxWidth) flush();
      acc += ch;
    }
  }
  flush();
  return pieces;
}

function piece(tok: Token, spaceBefore: boolean, x: number, width: number): Piece {
  return { text: tok.text, font: tok.font, size: tok.size, blank: tok.blank, spaceBefore, x, width };
}

/**
 * Greedy line breaking of styled spans into lines no wider than `maxWidth`. Breaks at spaces; with
 * `wrap: 'anywhere'` also after . \ / - _ : ; a word longer than the line is split so nothing overflows.
 */
export function layoutText(spans: Span[], maxWidth: number, size: number, wrap: Wrap, measure: Measure): Line[] {
  const lines: Line[] = [];
  let line: Line = { pieces: [], width: 0 };
  const pushLine = (): void => {
    lines.push(line);
    line = { pieces: [], width: 0 };
  };
  const queue = tokenize(spans, size, wrap);
  for (let i = 0; i < queue.length; i++) {
    const tok = queue[i]!;
    if (tok.hardBreak && (line.pieces.length > 0 || lines.length > 0 || i > 0)) pushLine();
    const w = measure(tok.text, tok.font, tok.size);
    const space = tok.spaceBefore && line.pieces.length > 0 ? measure(' ', tok.font, tok.size) : 0;
    if (line.width + space + w <= maxWidth + 0.01) {
      line.pieces.push(piece(tok, tok.spaceBefore, line.width + space, w));
      line.width += space + w;
      continue;
    }
    if (w > maxWidth + 0.01) {
      const parts = splitToken({ ...tok, hardBreak: false }, maxWidth, measure);
      if (parts.length > 1 || line.pieces.length > 0) {
        // Too wide for any line: continue with its parts, each of which fits a line.
        queue.splice(i + 1, 0, ...parts.map((p, j) => ({ ...p, spaceBefore: j === 0 ? tok.spaceBefore : false })));
        if (line.pieces.length > 0) pushLine();
        continue;
      }
    }
    if (line.pieces.length > 0) pushLine();
    line.pieces.push(piece(tok, false, 0, w));
    line.width = w;
  }
  if (line.pieces.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}
