import fc from 'fast-check';
import { strToU8, writeZip64, zipSync } from '../../../packages/topology/src/testing/index';
import { mutatedDocument, type Dictionary } from '../harness/mutate';
import { publishedSeeds, xmlDictionary } from './seeds';

/** CMS export zips (Export-CsConfiguration): stored and deflated, ZIP32 and ZIP64, with a few documents each. */
export function zipSeeds(): Uint8Array[] {
  const [published, se] = publishedSeeds();
  const doc = strToU8('<DocItemSet xmlns="urn:x"><DocItem Name="urn:xds:a"><Data><Settings xmlns="urn:s"/></Data></DocItem></DocItemSet>');
  return [
    zipSync({ 'DocItemSet.xml': doc, 'Topology.xml': published! }),
    zipSync({ 'Topology.xml': se! }, { level: 0 }),
    zipSync({ 'a/b/Topology.xml': published!, 'readme.bin': new Uint8Array([0, 1, 2]) }, { level: 9 }),
    writeZip64([{ name: 'Topology.xml', data: se!, deflate: true }, { name: 'DocItemSet.xml', data: doc }]),
  ];
}

export const zipDictionary: Dictionary = {
  tokens: ['PK\u0003\u0004', 'PK\u0001\u0002', 'PK\u0005\u0006', 'PK\u0006\u0006', 'PK\u0006\u0007', '../', '/etc/passwd', 'C:\\', '\u0000'],
  nesting: [['PK\u0003\u0004', ''], ['../', '']],
};

/** Zips of the seeds mutated as bytes, and zips built from mutated XML (so the inflated text is damaged too). */
export function zipInputs(): fc.Arbitrary<Uint8Array> {
  const xml = mutatedDocument(publishedSeeds(), xmlDictionary);
  const rebuilt = fc
    .record({ xml, name: fc.constantFrom('Topology.xml', 'x/Topology.xml', 'DocItemSet.xml', '../Topology.xml', 'a\\..\\..\\b.xml'), level: fc.constantFrom(0, 6), zip64: fc.boolean() })
    .map(({ xml, name, level, zip64 }) => (zip64 ? writeZip64([{ name, data: xml, deflate: level > 0 }]) : zipSync({ [name]: xml }, { level: level as 0 | 6 })));
  return fc.oneof({ weight: 3, arbitrary: mutatedDocument(zipSeeds(), zipDictionary) }, { weight: 1, arbitrary: rebuilt });
}
