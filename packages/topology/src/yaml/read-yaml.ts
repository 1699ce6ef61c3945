import { LineCounter, isScalar, parseDocument, visit, type Document } from 'yaml';

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
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number | undefined) => (offset === undefined ? {} : { line: counter.linePos(offset).line, column: counter.linePos(offset).col });
  const first = doc.errors[0];
  if (first) return { doc, counter, error: { message: first.message.split('\n')[0]!, ...at(first.pos?.[0]) } };
  let error: YamlRead['error'] = null;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          error = { message: `Map keys must be unique (${String(key).slice(0, 80)})`, ...at(isScalar(pair.key) ? pair.key.range?.[0] : undefined) };
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return { doc, counter, error };
}
