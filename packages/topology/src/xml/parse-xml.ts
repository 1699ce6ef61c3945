import { LyncdrError } from '@lyncdr/errors';

/** One XML element with its namespace resolved and the line it starts on (for error messages). */
export interface XmlElement {
  /** Local name (prefix removed). */
  name: string;
  /** Namespace URI in scope ('' when none). */
  ns: string;
  /** Attributes by local name; namespace declarations are not included. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text and CDATA directly inside the element, entities decoded ('' when only whitespace). */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
}

const MAX_DEPTH = 256;
const NAME = /[A-Za-z_][-A-Za-z0-9_.:]*/y;
const ATTR = /([A-Za-z_][-A-Za-z0-9_.:]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_m, e: string) => {
    if (e[0] !== '#') return NAMED[e] ?? '';
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
}

interface Frame {
  el: XmlElement;
  qname: string;
  ns: Map<string, string>;
}

/**
 * A small, strict XML reader: elements, attributes, text, CDATA, comments and processing instructions, with
 * namespaces and line numbers. DOCTYPE declarations are refused (no entity expansion). Errors are
 * E_TOPOLOGY_PARSE with the file, line and column, and say what to do.
 */
export function parseXml(text: string, file: string): XmlElement {
  const n = text.length;
  let pos = 0;
  // Line counting moves forward only, so the whole file is scanned once.
  let line = 1;
  let scanned = 0;
  const lineAt = (p: number): number => {
    while (scanned < p) {
      const nl = text.indexOf('\n', scanned);
      if (nl === -1 || nl >= p) {
        scanned = p;
        break;
      }
      line++;
      scanned = nl + 1;
    }
    return line;
  };
  function fail(p: number, message: string): never {
    const before = text.slice(0, p);
    const ln = before.split('\n').length;
    const col = p - before.lastIndexOf('\n');
    throw new LyncdrError('E_TOPOLOGY_PARSE', message, { location: { file, line: ln, column: col } });
  }
  function truncated(p: number, what: string): never {
    return fail(
      p,
      `${what} is never closed: the file looks truncated; export the topology again (Get-CsTopology -AsXml) or reopen it in Topology Builder`,
    );
  }

  const start = text.search(/\S/);
  if (start === -1) fail(0, 'the file is empty; give a topology document (published XML, .tbxml or a CMS export zip)');
  if (text[start] !== '<') {
    fail(
      start,
      `not XML: the file starts with "${text.slice(start, start + 20).replace(/\s+/g, ' ')}"; give a topology document (published XML, .tbxml or a CMS export zip)`,
    );
  }

  const stack: Frame[] = [];
  let root: XmlElement | null = null;
  const rootNs = new Map<string, string>([['xml', 'http://www.w3.org/XML/1998/namespace']]);

  while (pos < n) {
    const lt = text.indexOf('<', pos);
    const end = lt === -1 ? n : lt;
    if (end > pos) {
      let q = pos;
      for (let ch = text.charCodeAt(q); q < end && (ch === 32 || ch === 10 || ch === 13 || ch === 9);)
        ch = text.charCodeAt(++q);
      if (q < end) {
        const top = stack[stack.length - 1];
        if (!top) fail(q, 'text outside the root element; the file is not a single XML document');
        else top.el.text += decodeEntities(text.slice(pos, end));
      }
    }
    if (lt === -1) break;
    const c = text.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      const close = text.indexOf('?>', lt + 2);
      if (close === -1) truncated(lt, 'a processing instruction <?…');
      pos = close + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const close = text.indexOf('-->', lt + 4);
        if (close === -1) truncated(lt, 'a comment <!--');
        pos = close + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', lt)) {
        const close = text.indexOf(']]>', lt + 9);
        if (close === -1) truncated(lt, 'a CDATA section');
        const top = stack[stack.length - 1];
        if (!top) fail(lt, 'CDATA outside the root element; the file is not a single XML document');
        else top.el.text += text.slice(lt + 9, close);
        pos = close + 3;
        continue;
      }
      if (text.startsWith('<!DOCTYPE', lt))
        fail(lt, 'DOCTYPE declarations are not accepted in a topology document; remove it');
      fail(lt, 'unexpected "<!"; the file is not well-formed XML');
    }
    if (c === 47 /* / */) {
      const close = text.indexOf('>', lt + 2);
      if (close === -1) truncated(lt, 'an end tag');
      const qname = text.slice(lt + 2, close).trim();
      const top = stack.pop();
      if (!top) fail(lt, `end tag </${qname}> without a start tag`);
      else if (top.qname !== qname)
        fail(lt, `end tag </${qname}> does not match <${top.qname}> opened at line ${top.el.line}; fix the XML`);
      pos = close + 1;
      continue;
    }
    // Start tag.
    if (root && stack.length === 0) fail(lt, 'a second root element; the file is not a single XML document');
    NAME.lastIndex = lt + 1;
    const nm = NAME.exec(text);
    if (!nm)
      fail(
        lt,
        lt + 1 >= n
          ? 'the file ends inside a tag: it looks truncated; export it again'
          : 'malformed start tag; fix the XML',
      );
    const qname = nm[0];
    let p = NAME.lastIndex;
    const parent = stack[stack.length - 1];
    const inherited = parent ? parent.ns : rootNs;
    let ns = inherited;
    const attrs: Record<string, string> = {};
    let selfClose = false;
    for (;;) {
      let ch = text.charCodeAt(p);
      while (ch === 32 || ch === 10 || ch === 13 || ch === 9) ch = text.charCodeAt(++p);
      if (p >= n) truncated(lt, `<${qname}`);
      if (ch === 62 /* > */) {
        p++;
        break;
      }
      if (ch === 47 && text.charCodeAt(p + 1) === 62) {
        selfClose = true;
        p += 2;
        break;
      }
      ATTR.lastIndex = p;
      const am = ATTR.exec(text);
      if (!am) {
        if (text.indexOf('>', p) === -1) truncated(lt, `<${qname}`);
        fail(p, `malformed attribute in <${qname}>; attribute values must be quoted`);
      }
      const k = am[1]!;
      const v = decodeEntities(am[2] ?? am[3] ?? '');
      if (k.charCodeAt(0) === 120 /* x */ && (k === 'xmlns' || k.startsWith('xmlns:'))) {
        if (ns === inherited) ns = new Map(ns);
        ns.set(k === 'xmlns' ? '' : k.slice(6), v);
      } else {
        const colon = k.indexOf(':');
        attrs[colon === -1 ? k : k.slice(colon + 1)] = v;
      }
      p = ATTR.lastIndex;
    }
    const colon = qname.indexOf(':');
    const prefix = colon === -1 ? '' : qname.slice(0, colon);
    const el: XmlElement = {
      name: colon === -1 ? qname : qname.slice(colon + 1),
      ns: ns.get(prefix) ?? '',
      attrs,
      children: [],
      text: '',
      line: lineAt(lt),
    };
    if (parent) parent.el.children.push(el);
    else root = el;
    if (!selfClose) {
      if (stack.length >= MAX_DEPTH)
        fail(lt, `elements nested more than ${MAX_DEPTH} deep; this is not a topology document`);
      stack.push({ el, qname, ns });
    }
    pos = p;
  }
  const open = stack[stack.length - 1];
  if (open) truncated(n, `<${open.qname}> opened at line ${open.el.line}`);
  if (!root) fail(0, 'no XML element found; give a topology document (published XML, .tbxml or a CMS export zip)');
  return root!;
}

/** First child element with this local name, or undefined. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** All child elements with this local name. */
export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** Depth-first search for the first element that matches. */
export function findElement(el: XmlElement, match: (e: XmlElement) => boolean): XmlElement | undefined {
  const todo: XmlElement[] = [el];
  while (todo.length) {
    const e = todo.pop()!;
    if (match(e)) return e;
    for (let i = e.children.length - 1; i >= 0; i--) todo.push(e.children[i]!);
  }
  return undefined;
}
