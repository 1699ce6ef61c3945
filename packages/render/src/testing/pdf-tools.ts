import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes PDF bytes to a temp file and reads them back with poppler's pdftotext (-layout). */
export function pdfText(bytes: Uint8Array, opts: { layout?: boolean } = {}): { text: string; pages: string[]; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-render-'));
  const file = path.join(dir, 'out.pdf');
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', [...(opts.layout === false ? [] : ['-layout']), file, '-'], { encoding: 'utf8' });
  return { text, pages: text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== ''), file };
}

/** Rasterises page 1 at 50 dpi (pdftoppm) and returns the grey-level variance of its pixels (0 for a blank page). */
export function firstPageVariance(file: string): { variance: number; png: string } {
  const prefix = file.replace(/\.pdf$/, '-p');
  execFileSync('pdftoppm', ['-r', '50', '-gray', '-f', '1', '-l', '1', file, prefix]);
  execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', file, prefix]);
  const pgm = readFileSync(`${prefix}-1.pgm`);
  // P5 header: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
  let offset = 0;
  let fields = 0;
  while (fields < 4) {
    while (pgm[offset] === 0x20 || pgm[offset] === 0x0a) offset++;
    while (pgm[offset] !== 0x20 && pgm[offset] !== 0x0a) offset++;
    fields++;
  }
  const pixels = pgm.subarray(offset + 1);
  let sum = 0;
  let sq = 0;
  for (const p of pixels) {
    sum += p;
    sq += p * p;
  }
  const mean = sum / pixels.length;
  return { variance: sq / pixels.length - mean * mean, png: `${prefix}-1.png` };
}
