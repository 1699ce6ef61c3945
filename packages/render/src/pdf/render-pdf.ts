import PDFDocument from 'pdfkit';
import type { Block, Document, Paper } from '@lyncdr/documents';
import { DOCUMENT_HASH_KEYWORD, documentSha256 } from '../document-hash';
import { labelsFor, plannersLine } from '../labels';
import { plainText } from '../inline';
import { createCanvas, lineHeight, type Canvas } from './canvas';
import { drawChrome } from './chrome';
import { drawLine } from './draw-text';
import { createFontCache, type FontCache } from './font-cache';
import { checkGlyphs, type GlyphSource } from './glyphs';
import { drawCode } from './blocks/code';
import { drawHeading } from './blocks/heading';
import { drawKeyValue } from './blocks/keyvalue';
import { drawChecklist, drawList } from './blocks/list';
import { drawParagraph } from './blocks/paragraph';
import { drawSignature } from './blocks/signature';
import { drawStep, stepHeight } from './blocks/step';
import { drawTable } from './blocks/table';
import { theme } from './theme';

export interface PdfDeps {
  fonts: FontCache;
}

const defaultFonts = createFontCache();

/** How much of the next block must stay on the same page as a heading before it. */
function keepWith(c: Canvas, next: Block | undefined): number {
  if (next?.type === 'step') return stepHeight(c, next);
  if (next?.type === 'heading') return 2 * lineHeight(theme.heading[next.level]) + 4 * lineHeight(theme.body);
  return 4 * lineHeight(theme.body);
}

function drawBlock(c: Canvas, block: Block, next: Block | undefined): void {
  switch (block.type) {
    case 'heading':
      return drawHeading(c, block, keepWith(c, next));
    case 'paragraph':
      return drawParagraph(c, block);
    case 'list':
      return drawList(c, block);
    case 'checklist':
      return drawChecklist(c, block);
    case 'table':
      return drawTable(c, block);
    case 'code':
      return drawCode(c, block);
    case 'step':
      return drawStep(c, block);
    case 'keyvalue':
      return drawKeyValue(c, block);
    case 'signature':
      return drawSignature(c, block);
    case 'pagebreak':
      return; // handled by the caller: a break only starts a page when something follows it
  }
}

function fontkitOf(doc: PDFKit.PDFDocument, name: string): GlyphSource {
  doc.font(name);
  return (doc as unknown as { _font: { font: GlyphSource } })._font.font;
}

/**
 * Renders a Document to PDF bytes with pdfkit. Same input, same bytes (dates come from `meta.generatedAt`); the
 * Keywords end with the SHA-256 of the Document (`lyncdr-sha256:<hex>`).
 */
export function renderPdf(document: Document, paper: Paper = 'a4', deps: PdfDeps = { fonts: defaultFonts }): Promise<Uint8Array> {
  const meta = document.meta;
  const created = new Date(meta.generatedAt);
  const when = Number.isNaN(created.getTime()) ? new Date(0) : created;
  const doc = new PDFDocument({
    size: paper === 'letter' ? 'LETTER' : 'A4',
    layout: meta.orientation,
    margins: { top: theme.margin, bottom: theme.margin, left: theme.margin, right: theme.margin },
    bufferPages: true,
    autoFirstPage: false,
    compress: true,
    // No default Helvetica: its metrics file would be parsed for every document and it is never drawn.
    font: '',
    lang: meta.lang === 'fr' ? 'fr-FR' : 'en-US',
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: 'lyncdr',
      Subject: meta.subtitle ?? [meta.title, meta.deployment].filter(Boolean).join(' — '),
      // The document's own SHA-256 (document-hash.ts) is the last keyword: pdfinfo and every PDF reader show it.
      Keywords: [...(meta.keywords ?? []), `${DOCUMENT_HASH_KEYWORD}${documentSha256(document)}`].join(', '),
      Creator: 'lyncdr',
      Producer: 'lyncdr (pdfkit)',
      CreationDate: when,
      ModDate: when,
    },
  });
  deps.fonts.install(doc);
  checkGlyphs(document, { regular: fontkitOf(doc, 'regular'), bold: fontkitOf(doc, 'bold'), italic: fontkitOf(doc, 'italic'), mono: fontkitOf(doc, 'mono') });

  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.addPage();
  const c = createCanvas(doc, labelsFor(meta.lang));
  drawTitle(c, document);
  let pendingBreak = false;
  document.blocks.forEach((block, i) => {
    if (block.type === 'pagebreak') {
      pendingBreak = true;
      return;
    }
    if (pendingBreak && c.y > c.top + 0.5) c.newPage();
    pendingBreak = false;
    drawBlock(c, block, document.blocks[i + 1]);
  });
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    c.resetState();
    drawChrome(c, meta, i + 1, range.count);
  }
  doc.end();
  return done;
}

function drawTitle(c: Canvas, document: Document): void {
  drawHeading(c, { type: 'heading', level: 1, text: document.meta.title });
  if (document.meta.subtitle) {
    const size = theme.body + 1;
    for (const line of c.layout([{ text: plainText(document.meta.subtitle), style: 'italic' }], c.width, size, 'words')) {
      drawLine(c, line, c.left, c.y, c.width, 'left', theme.color.muted);
      c.y += lineHeight(size);
    }
    c.y += theme.gap;
  }
  // The planners that watch the deployment (documents served by a planner): where to look on the day.
  const planners = plannersLine(document.meta, c.labels);
  if (planners) {
    for (const line of c.layout([{ text: planners, style: 'plain' }], c.width, theme.small, 'anywhere')) {
      drawLine(c, line, c.left, c.y, c.width, 'left', theme.color.muted);
      c.y += lineHeight(theme.small);
    }
    c.y += theme.gap;
  }
}
