import { Document, LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';

export interface YamlRead {
  doc: Document;
  counter: LineCounter;
  /** The first problem (a syntax error or a repeated key), with its 1-based line and column; null when none. */
  error: { message: string; line?: number; column?: number } | null;
}

/**
 * Parses YAML text in time linear in its size: no pretty errors (their context is quadratic on a long line) and no
 * library key check (it compares each key with every earlier one); repeated keys are found here in one pass per map.
 * The lyncdr.yaml overlay and the planner and agent configs read YAML through this.
 */
export function readYaml(text: string): YamlRead {
  const counter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    // The library's parser recurses per nesting level: a deep enough document exhausts the call stack.
    if (e instanceof RangeError) return { doc: new Document(), counter, error: { message: 'the YAML is nested too deeply to be read' } };
    throw e;
  }
  const at = (offset: number | undefined) => (offset === undefined ? {} : { line: counter.linePos(offset).line, column: counter.linePos(offset).col });
  const first = doc.errors[0];
  if (first) return { doc, counter, error: { message: first.message.split('\n')[0]!, ...at(first.pos?.[0]) } };
  // An explicit stack, not recursion: a document nested 100 000 deep must not overflow the call stack.
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          return { doc, counter, error: { message: `Map keys must be unique (${String(key).slice(0, 80)})`, ...at(isScalar(pair.key) ? pair.key.range?.[0] : undefined) } };
        }
        seen.add(key);
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return { doc, counter, error: null };
}
