import PDFDocument from 'pdfkit';
import { createFontSource } from './fonts';

const fonts = createFontSource();

/**
 * Writes lines of plain text with pdfkit's own flow and no layout of ours (same embedded font): the baseline the
 * document benchmark compares the renderer with.
 */
export function writePlainTextPdf(lines: string[]): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { CreationDate: new Date(0) } });
  doc.registerFont('regular', fonts().regular);
  doc.font('regular').fontSize(9.5);
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  for (const line of lines) doc.text(line);
  doc.end();
  return done;
}
