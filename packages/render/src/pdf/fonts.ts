import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The four faces every PDF embeds (DejaVu: Latin incl. French, box drawing, arrows). */
export type FontKey = 'regular' | 'bold' | 'italic' | 'mono';

const files: Record<FontKey, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  mono: 'DejaVuSansMono.ttf',
};

export const fontKeys = Object.keys(files) as FontKey[];

export type FontBytes = Record<FontKey, Buffer>;

/** Reads the TTF files of the `dejavu-fonts-ttf` package. */
export function loadFontBytes(): FontBytes {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const out = {} as FontBytes;
  for (const key of fontKeys) out[key] = readFileSync(path.join(dir, files[key]));
  return out;
}

/** A font loader that reads the files once and hands the same bytes to every document it renders. */
export function createFontSource(load: () => FontBytes = loadFontBytes): () => FontBytes {
  let bytes: FontBytes | null = null;
  return () => (bytes ??= load());
}
