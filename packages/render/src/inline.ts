import type { Inline, Text } from '@lyncdr/documents';

/** One run of inline text with its style; `blank` is a space for a person to fill in. */
export interface Span {
  text: string;
  style: 'plain' | 'bold' | 'italic' | 'code' | 'blank';
}

/** Normalises the document model's `Text` (a string, a styled inline, or a list of them) to spans. */
export function toSpans(text: Text): Span[] {
  const items: Inline[] = Array.isArray(text) ? text : [text];
  return items.map((item) =>
    typeof item === 'string' ? { text: item, style: 'plain' } : { text: item.text, style: item.style ?? 'plain' },
  );
}

/** The text without styling (for metadata, glyph checks and alt text). */
export function plainText(text: Text): string {
  return toSpans(text)
    .map((s) => s.text)
    .join('');
}
