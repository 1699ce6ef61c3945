/** Bytes of output gathered before one write to stdout. */
const CHUNK = 64 * 1024;

/**
 * Prints a large JSON document to stdout in chunks, byte for byte as `JSON.stringify(value, null, 2)` + newline would:
 * the top-level object and the arrays in it are written member by member, so no string of the whole document (and no
 * copy of it for the write) is held at once. Used by the commands whose output grows with the input (`verify sql`,
 * `verify filestore`). Values are plain JSON data (no toJSON, no cycles).
 */
export function printJsonStreamed(ctx: { stdout: (t: string) => void }, value: unknown): void {
  const out = chunked(ctx);
  write(value, '', 0, out);
  out('\n');
  out.flush();
}

export interface JsonArrayWriter {
  push(value: unknown): void;
  close(): void;
}

export interface JsonObjectWriter {
  member(key: string, value: unknown): void;
  /** Opens an array member whose elements are written as they come (e.g. findings during a walk). */
  array(key: string): JsonArrayWriter;
  /** Closes the object and prints the rest. */
  end(): void;
}

/**
 * Writes one JSON object member by member as the values become known, with the same bytes as
 * `JSON.stringify(object, null, 2)` + newline for an object with the members in that order.
 */
export function streamJsonObject(ctx: { stdout: (t: string) => void }): JsonObjectWriter {
  const out = chunked(ctx);
  let members = 0;
  const key = (k: string) => out(`${members++ ? ',\n' : '{\n'}  ${JSON.stringify(k)}: `);
  return {
    member(k, value) {
      key(k);
      write(value, '  ', 1, out);
    },
    array(k) {
      key(k);
      out('[');
      let n = 0;
      return {
        push(value) {
          out(n++ ? ',\n    ' : '\n    ');
          write(value === undefined ? null : value, '    ', 2, out);
        },
        close() {
          out(n ? '\n  ]' : ']');
        },
      };
    },
    end() {
      out(members ? '\n}\n' : '{}\n');
      out.flush();
    },
  };
}

function chunked(ctx: { stdout: (t: string) => void }): ((t: string) => void) & { flush(): void } {
  let buf = '';
  const out = (t: string) => {
    buf += t;
    if (buf.length >= CHUNK) {
      ctx.stdout(buf);
      buf = '';
    }
  };
  return Object.assign(out, {
    flush() {
      if (buf) ctx.stdout(buf);
      buf = '';
    },
  });
}

/** Members of objects and arrays are streamed down to this depth; deeper values are stringified whole. */
const STREAM_DEPTH = 2;

function write(value: unknown, indent: string, depth: number, out: (t: string) => void): void {
  if (depth >= STREAM_DEPTH || value === null || typeof value !== 'object') {
    out(indent ? (JSON.stringify(value, null, 2) ?? 'null').replaceAll('\n', '\n' + indent) : (JSON.stringify(value, null, 2) ?? 'null'));
    return;
  }
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (!value.length) return out('[]');
    out('[');
    value.forEach((v: unknown, i) => {
      out(i ? ',\n' + inner : '\n' + inner);
      write(v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : v, inner, depth + 1, out);
    });
    out('\n' + indent + ']');
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (!entries.length) return out('{}');
  out('{');
  entries.forEach(([k, v], i) => {
    out((i ? ',\n' : '\n') + inner + JSON.stringify(k) + ': ');
    write(v, inner, depth + 1, out);
  });
  out('\n' + indent + '}');
}
