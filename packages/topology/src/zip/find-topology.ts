import { LyncdrError } from '@lyncdr/errors';
import type { SourceDocument } from '../model';
import { decodeText } from '../decode-text';
import { isTopologyRoot } from '../read/read-xml-topology';
import { findElement, parseXml, type XmlElement } from '../xml/parse-xml';
import type { ZipEntry } from './read-zip';

export interface FoundTopology {
  element: XmlElement;
  /** `zip!entry`, for error messages. */
  file: string;
  documents: SourceDocument[];
}

const MAX_NESTING = 3;

/**
 * Finds the topology inside the entries of an Export-CsConfiguration zip, whose layout is only partly known
 * (REFERENCE §f.2): the topology may be the root of an entry, an element nested in a wrapper such as
 * DocItemSet/DocItem, or XML-escaped text inside an element. Every document found is listed. The published
 * `Topology` wins over a `TopologyBuilder` document when both are present.
 */
export function findTopologyInZip(entries: ZipEntry[], zipFile: string): FoundTopology {
  const documents: SourceDocument[] = [];
  let best: { element: XmlElement; file: string; doc: SourceDocument } | null = null;
  const consider = (element: XmlElement, entry: string, doc: SourceDocument): void => {
    if (!best || (best.element.name !== 'Topology' && element.name === 'Topology'))
      best = { element, file: `${zipFile}!${entry}`, doc };
  };
  for (const entry of entries) {
    const root = parseEntry(entry, zipFile);
    if (!root) {
      documents.push({ entry: entry.name, element: null, namespace: null, name: null, topology: false });
      continue;
    }
    if (root.name === 'DocItemSet') {
      const rootDoc: SourceDocument = {
        entry: entry.name,
        element: root.name,
        namespace: root.ns || null,
        name: null,
        topology: false,
      };
      documents.push(rootDoc);
      for (const item of root.children.filter((c) => c.name === 'DocItem')) {
        const inner = firstElement(item.children.find((c) => c.name === 'Data')) ?? firstElement(item) ?? item;
        const doc: SourceDocument = {
          entry: entry.name,
          element: inner.name,
          namespace: inner.ns || null,
          name: item.attrs.Name ?? null,
          topology: false,
        };
        documents.push(doc);
        const topo = searchTopology(item, `${zipFile}!${entry.name}`, 0);
        if (topo) consider(topo, entry.name, doc);
      }
      continue;
    }
    const doc: SourceDocument = {
      entry: entry.name,
      element: root.name,
      namespace: root.ns || null,
      name: null,
      topology: false,
    };
    documents.push(doc);
    const topo = searchTopology(root, `${zipFile}!${entry.name}`, 0);
    if (topo) consider(topo, entry.name, doc);
  }
  const found = best as { element: XmlElement; file: string; doc: SourceDocument } | null;
  if (!found) {
    const listed = documents.map((d) => `${d.entry}${d.element ? ` <${d.element}>` : ''}`).join(', ') || 'no entries';
    throw new LyncdrError(
      'E_ZIP_NO_TOPOLOGY',
      `no topology document (<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">) found in the zip (${listed}); give an Export-CsConfiguration zip or the output of Get-CsTopology -AsXml`,
      {
        location: { file: zipFile },
      },
    );
  }
  found.doc.topology = true;
  return { element: found.element, file: found.file, documents };
}

function firstElement(el: XmlElement | undefined): XmlElement | undefined {
  return el?.children[0];
}

/** An entry's XML root, or null when the entry is not XML text. */
function parseEntry(entry: ZipEntry, zipFile: string): XmlElement | null {
  const file = `${zipFile}!${entry.name}`;
  let text: string;
  try {
    text = decodeText(entry.data, file);
  } catch {
    return null;
  }
  if (!text.trimStart().startsWith('<')) return null;
  try {
    return parseXml(text, file);
  } catch (e) {
    // A damaged entry that is the topology: its own error (file!entry:line) says more than "no topology found".
    if (text.includes('urn:schema:Microsoft.Rtc.Management.Deploy.Topology')) throw e;
    return null;
  }
}

/** Searches the tree, then XML-escaped text inside elements (up to MAX_NESTING levels deep). */
function searchTopology(root: XmlElement, file: string, depth: number): XmlElement | undefined {
  const direct = findElement(root, isTopologyRoot);
  if (direct || depth >= MAX_NESTING) return direct;
  let hit: XmlElement | undefined;
  findElement(root, (e) => {
    const t = e.text.trim();
    if (!t.startsWith('<') || !t.includes('Topology')) return false;
    try {
      hit = searchTopology(parseXml(t, file), file, depth + 1);
    } catch {
      hit = undefined;
    }
    return hit !== undefined;
  });
  return hit;
}
