/**
 * pdfkit shapes text word by word, each word with its trailing space ("word "), while the layout measures words
 * without it ("word"): most words were shaped twice. When the word's last character and a space do not interact in
 * the font (no kerning, no substitution: checked once per character by shaping the pair), the run of "word " is the
 * run of "word" followed by the run of " ", so it is put together from those instead of being shaped again.
 */

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

interface Run {
  glyphs: { id: number }[];
  positions: Position[];
  advanceWidth: number;
}

export interface EmbeddedFontRuns {
  font: object;
  layoutRun(text: string, features?: unknown): Run;
  layoutCached(text: string): Run;
}

const FIELDS = ['xAdvance', 'yAdvance', 'xOffset', 'yOffset', 'advanceWidth'] as const;

function sameRun(a: Run, glyphs: Run['glyphs'], positions: Position[]): boolean {
  if (a.glyphs.length !== glyphs.length || a.positions.length !== positions.length) return false;
  for (let i = 0; i < glyphs.length; i++) if (a.glyphs[i]!.id !== glyphs[i]!.id) return false;
  for (let i = 0; i < positions.length; i++) for (const f of FIELDS) if (!Object.is(a.positions[i]![f], positions[i]![f])) return false;
  return true;
}

/** Per fontkit font: whether a character followed by a space shapes as the two shaped apart. */
const independent = new WeakMap<object, Map<string, boolean>>();

export function shareTrailingSpace(font: EmbeddedFontRuns): void {
  const layoutRun = font.layoutRun;
  let verdicts = independent.get(font.font);
  if (!verdicts) {
    verdicts = new Map();
    independent.set(font.font, verdicts);
  }
  const known = verdicts;
  const separable = (ch: string): boolean => {
    let ok = known.get(ch);
    if (ok === undefined) {
      const pair = layoutRun.call(font, `${ch} `);
      const alone = layoutRun.call(font, ch);
      const space = layoutRun.call(font, ' ');
      ok = sameRun(pair, alone.glyphs.concat(space.glyphs), alone.positions.concat(space.positions));
      known.set(ch, ok);
    }
    return ok;
  };
  font.layoutRun = (text, features) => {
    const n = text.length;
    if (features || n < 2 || text.charCodeAt(n - 1) !== 32 || text.charCodeAt(n - 2) === 32) return layoutRun.call(font, text, features);
    const word = text.slice(0, -1);
    const last = String.fromCodePoint(word.codePointAt(word.length - (word.length > 1 && /[\uDC00-\uDFFF]/.test(word[word.length - 1]!) ? 2 : 1))!);
    if (!separable(last)) return layoutRun.call(font, text, features);
    const a = font.layoutCached(word);
    const s = font.layoutCached(' ');
    const positions = a.positions.concat(s.positions);
    let advanceWidth = 0;
    for (const p of positions) advanceWidth += p.xAdvance;
    return { glyphs: a.glyphs.concat(s.glyphs), positions, advanceWidth };
  };
}
