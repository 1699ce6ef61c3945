/**
 * The lines of an evidence excerpt as printed in a code block. Pasted command output can hold anything: control
 * characters and characters the monospace face of the printed report (DejaVu Sans Mono) cannot draw are shown as
 * U+FFFD, so one stray byte cannot stop the report from printing; the stored file (identified by its SHA-256) keeps
 * the exact bytes. Long lines are broken with a ↵ marker, so an unmatched quote in the output cannot turn the rest
 * of a line into one unbreakable token.
 */

/** Code points the monospace face draws, checked against DejaVuSansMono.ttf with fontkit. */
const DRAWN: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x17f], // Latin-1, Latin Extended-A
  [0x391, 0x3a1],
  [0x3a3, 0x3c9], // Greek
  [0x410, 0x44f], // Cyrillic
  [0x2010, 0x2023],
  [0x2026, 0x2026],
  [0x2030, 0x2037],
  [0x2039, 0x203a],
  [0x20ac, 0x20ac],
  [0x2190, 0x2195],
  [0x21b5, 0x21b5],
  [0x2500, 0x259f], // box drawing, blocks
];

export const EXCERPT_WIDTH = 90;
export const EXCERPT_MAX_LINES = 200;

function drawn(cp: number): boolean {
  return DRAWN.some(([a, b]) => cp >= a && cp <= b);
}

/** Replaces what the monospace face cannot draw; a tab becomes spaces up to the next multiple of 4. */
export function printable(line: string): string {
  let out = '';
  for (const ch of line) {
    if (ch === '\t') out += ' '.repeat(4 - (Array.from(out).length % 4));
    else out += drawn(ch.codePointAt(0)!) ? ch : '\ufffd';
  }
  return out;
}

/** Breaks a line longer than `width` characters, at the last space that fits when there is one. */
export function breakLine(line: string, width = EXCERPT_WIDTH): string[] {
  const out: string[] = [];
  let rest = Array.from(line);
  while (rest.length > width) {
    const head = rest.slice(0, width);
    const space = head.lastIndexOf(' ');
    const cut = space > width / 2 ? space + 1 : width;
    out.push(rest.slice(0, cut).join('').trimEnd() + ' \u21b5');
    rest = rest.slice(cut);
  }
  out.push(rest.join(''));
  return out;
}

/** The printed lines of an excerpt (at most EXCERPT_MAX_LINES) and how many source lines were left out. */
export function excerptLines(text: string): { lines: string[]; omitted: number } {
  const source = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const lines: string[] = [];
  let used = 0;
  for (const raw of source) {
    const broken = breakLine(printable(raw).trimEnd());
    if (lines.length + broken.length > EXCERPT_MAX_LINES) break;
    lines.push(...broken);
    used++;
  }
  return { lines, omitted: source.length - used };
}
