import { LyncdrError } from '@lyncdr/errors';
import { findElement, type XmlElement } from '../xml/parse-xml';
import { NS_TOPOLOGY, NS_TOPOLOGY_BUILDER, type RawTopology } from './raw';
import { readPublished } from './read-published';
import { readTbxml } from './read-tbxml';

/** Is this element a topology document root (published `Topology` or `TopologyBuilder`)? */
export function isTopologyRoot(e: XmlElement): boolean {
  return (
    (e.name === 'Topology' && e.ns === NS_TOPOLOGY) || (e.name === 'TopologyBuilder' && e.ns === NS_TOPOLOGY_BUILDER)
  );
}

/**
 * Reads a parsed XML document as a topology. The root must be a published `Topology` or a `TopologyBuilder`
 * document; a wrapper (such as a DocItemSet extracted from a CMS export) is searched for one. Anything else is
 * E_TOPOLOGY_ROOT (wrong element) or E_TOPOLOGY_NAMESPACE (right name, wrong namespace).
 */
export function readXmlTopology(root: XmlElement, file: string): RawTopology {
  const found = isTopologyRoot(root) ? root : findElement(root, isTopologyRoot);
  if (found) return found.name === 'Topology' ? readPublished(found, file) : readTbxml(found, file);
  if (root.name === 'Topology' || root.name === 'TopologyBuilder') {
    const want = root.name === 'Topology' ? NS_TOPOLOGY : NS_TOPOLOGY_BUILDER;
    throw new LyncdrError(
      'E_TOPOLOGY_NAMESPACE',
      `<${root.name}> is in namespace "${root.ns || '(none)'}", expected "${want}"; this is not a Lync Server topology document (export it with Get-CsTopology -AsXml)`,
      {
        location: { file, line: root.line, where: root.name },
      },
    );
  }
  throw new LyncdrError(
    'E_TOPOLOGY_ROOT',
    `the root element is <${root.name}>${root.ns ? ` (namespace ${root.ns})` : ''}, not a Lync topology: give the output of Get-CsTopology -AsXml, a Topology Builder .tbxml file or an Export-CsConfiguration zip`,
    {
      location: { file, line: root.line, where: root.name },
    },
  );
}
