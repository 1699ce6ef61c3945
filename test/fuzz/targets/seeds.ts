import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from '../../../packages/topology/src/index';
import { generateSpec, renderPublished, renderTbxml, standardEditionSpec, twoSiteSpec } from '../../../packages/topology/src/testing/index';

/** Valid documents the fuzz targets mutate: the bundled examples and generated deployments. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const enc = new TextEncoder();
export const readRepo = (rel: string): Uint8Array => new Uint8Array(readFileSync(path.join(repoRoot, rel)));

export const publishedSeeds = (): Uint8Array[] => [
  readRepo('examples/two-site/topology.xml'),
  readRepo('examples/standard-edition/topology.xml'),
  enc.encode(renderPublished(twoSiteSpec)),
  enc.encode(renderPublished(standardEditionSpec)),
  enc.encode(renderPublished(generateSpec({ sites: 3, pools: 4, machines: 2 }))),
];

export const tbxmlSeeds = (): Uint8Array[] => [
  readRepo('examples/two-site/topology.tbxml'),
  enc.encode(renderTbxml(twoSiteSpec)),
  enc.encode(renderTbxml(standardEditionSpec)),
  enc.encode(renderTbxml(generateSpec({ sites: 2, pools: 3, machines: 2 }))),
];

let example: Topology | null = null;
/** The two-site example with its overlay: what `--state`, steps and overlay inputs are checked against. */
export function exampleTopology(): Topology {
  example ??= applyOverlay(
    parseTopologyDocument(readRepo('examples/two-site/topology.xml'), { file: 'topology.xml' }),
    parseOverlay(new TextDecoder().decode(readRepo('examples/two-site/lyncdr.yaml')), { file: 'lyncdr.yaml' }),
  );
  return example;
}

export const xmlDictionary = {
  tokens: ['<', '>', '</', '/>', '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&a;', '&amp;', '&#0;', '&#x10FFFF;', '&#xD800;', ']]>', '<![CDATA[', '<!--', '-->', ' xmlns="urn:x"', ' Fqdn=""', ' a="1" a="2"', '="', '\u0000', '\uFEFF', '\r\n'],
  nesting: [['<a>', '</a>'], ['<Cluster>', '</Cluster>'], ['<x:y xmlns:x="urn:x">', '</x:y>']] as [string, string][],
};

export const jsonDictionary = {
  tokens: ['{', '}', '[', ']', ',', ':', '"', 'null', 'true', '1e999', '-0', '"__proto__"', '"constructor"', '"\\u0000"', '"\\ud800"', '{"__proto__":{"polluted":1}}'],
  nesting: [['[', ']'], ['{"a":', '}'], ['{"steps":[', ']}']] as [string, string][],
};

/** YAML parsing costs about 5 µs a byte: YAML cases stop at 256 KiB so that a run stays short. */
export const yamlDictionary = {
  maxBytes: 256 * 1024,
  tokens: [': ', '- ', '\n', '  ', '{', '}', '[', ']', '&a ', '*a', '!!binary ', '!!js/function ', '<<: *a', '---\n', '...\n', '? ', '|\n', '>-\n', '"', "'", '#', '%YAML 1.2\n', '~', '0x7fffffffffffffff', '.nan', '\t'],
  nesting: [['[', ']'], ['{a: ', '}'], ['- ', ''], ['a: &x\n  ', '']] as [string, string][],
};
