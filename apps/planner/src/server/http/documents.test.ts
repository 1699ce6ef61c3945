import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyOverlay, parseOverlay, parseTopologyDocument, topologyFingerprint } from '@lyncdr/topology';
import { VERSION } from '../version';
import { createDocumentBuilder } from './documents';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const read = (f: string) => readFileSync(path.join(repo, 'examples/two-site', f));
const topology = applyOverlay(
  parseTopologyDocument(new Uint8Array(read('topology.xml')), { file: 'topology.xml' }),
  parseOverlay(read('lyncdr.yaml').toString('utf8'), { file: 'lyncdr.yaml' }),
);
const now = () => new Date('2026-02-01T10:00:00Z');
const snapshot = () => ({ kind: 'lyncdr.status' as const, v: 1 as const, generatedAt: now().toISOString(), deployment: null, items: [] });

describe('/api/documents: the revision block', () => {
  const build = createDocumentBuilder({ topology: () => topology, snapshot, now });
  it.each([
    ['worksheet', 'kind=database&format=md'],
    ['runbook', 'procedure=backup&format=md'],
  ])('a %s carries the fingerprint of the topology it is built from and the planner version', async (kind, query) => {
    const { body } = await build(kind, new URLSearchParams(query));
    expect(body).toContain(`- **Topology fingerprint:** \`${topologyFingerprint(topology)}\``);
    expect(body).toContain(`- **lyncdr version:** ${VERSION}`);
  });
});
