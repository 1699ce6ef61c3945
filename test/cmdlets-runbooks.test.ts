/**
 * The cmdlet check: every PowerShell line of every runbook (backup, restore and disaster recovery), built for every
 * example deployment and for generated deployments that cover the other shapes (Standard Edition, mirrored back
 * ends, Persistent Chat, Edge, SfB 2019 with AlwaysOn), is checked against the cmdlet index of packages/domain for the
 * product version of the pool the line names (else the deployment's; Lync Server 2013 when unknown), generated from
 * ../shared/reference/docs-en/cmdlets and docs-sfb/cmdlets by tools/gen-cmdlet-index.mjs (test/cmdlet-index.test.ts
 * keeps it fresh): the cmdlet must have a page that applies to that version, and each -Parameter must be one of the
 * parameters that page lists for it. Commands with no page (robocopy…) must be on the domain's short allow-list, which
 * names the procedure page where they appear; the test checks, when ../shared is present, that they do appear there.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRunbooks, type Document, type RunbookSpec } from '../packages/documents/src/index';
import { ALLOWED_PROGRAMS, commandProblems, commandUses, createSampleTopology, lineVersion } from '../packages/domain/src/index';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from '../packages/topology/src/index';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reference = path.resolve(repo, '../shared/reference/docs-en');
const haveReference = existsSync(reference);
if (!haveReference) console.warn(`cmdlets-runbooks: ${reference} is absent; the allow-list and manual-page checks are skipped`);

/** Runbooks whose Microsoft procedure is done entirely in Topology Builder (the pages hold no cmdlet). */
const MANUAL_ONLY: Record<string, string> = {
  'edge-failover': 'lync-server-2013-failing-over-the-edge-pool-used-for-lync-server-federation.md',
  'edge-associate': 'lync-server-2013-changing-the-edge-pool-associated-with-a-front-end-pool.md',
};

function powershellLines(doc: Document): string[] {
  const lines: string[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'step') lines.push(...b.commands);
    if (b.type === 'code' && b.language === 'powershell') lines.push(...b.lines);
  }
  return lines;
}

function exampleDeployments(): { name: string; topology: Topology }[] {
  const out: { name: string; topology: Topology }[] = [];
  const examples = path.join(repo, 'examples');
  for (const dir of existsSync(examples) ? readdirSync(examples, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : []) {
    const overlayFile = path.join(examples, dir, 'lyncdr.yaml');
    for (const file of readdirSync(path.join(examples, dir)).filter((f) => /\.(xml|tbxml|zip)$/.test(f))) {
      let topology = parseTopologyDocument(new Uint8Array(readFileSync(path.join(examples, dir, file))), { file });
      if (existsSync(overlayFile)) topology = applyOverlay(topology, parseOverlay(readFileSync(overlayFile, 'utf8'), { file: overlayFile }));
      out.push({ name: `examples/${dir}/${file}`, topology });
    }
  }
  return out;
}

function generatedDeployments(): { name: string; topology: Topology }[] {
  return [
    { name: 'generated EE, mirrored, Persistent Chat, Edge, Director', topology: createSampleTopology({ mirrored: true, persistentChat: true, edge: true, director: true }) },
    { name: 'generated SE pair', topology: createSampleTopology({ edition: 'se', cms: true }) },
    { name: 'generated unpaired EE', topology: createSampleTopology({ paired: false, sites: 1 }) },
  ];
}

/** Every document the runbooks build for a deployment: with no --pool, and with each pool named alone. */
function documentsFor(spec: RunbookSpec, topology: Topology): Document[] {
  const docs: Document[] = [];
  for (const pools of [[], ...topology.pools.map((p) => [p.fqdn])]) {
    for (const lang of ['en', 'fr'] as const) {
      const opts = { lang, pools, now: '2026-01-15T09:30:00.000Z', inputRevision: 'test' };
      if (spec.applies(topology, opts) !== null) continue;
      docs.push(spec.build(topology, opts));
    }
  }
  return docs;
}

/**
 * What is wrong with these PowerShell lines against the cmdlet index (empty when all is documented): Lync Server 2013's,
 * or with a deployment, the version of the pool each line names.
 */
function problemsOf(lines: string[], topology?: Topology): string[] {
  return lines.flatMap((line) => commandProblems(line, topology ? lineVersion(topology, line, null) : 'lync2013').map((p) => `${p.message}: ${line}`));
}

describe('every runbook command exists in the cmdlet reference of its version', () => {
  const deployments = [...exampleDeployments(), ...generatedDeployments()];

  it('catches the documentation errata, invented cmdlets and Skype-only parameters', () => {
    const bad = [
      'Get-CsBackupServiceStatus -PoolFqdn p1 -BackupModule ConfServices.DataConf',
      'Set-CsSite -Identity Site1 -XmppExternalFederationRoute edge.contoso.com',
      'Import-CsRgsConfiguration -Destination "service:ApplicationServer:p1" -ReplaceExistingSettings -FileName x.zip',
      'Set-CsBackupServiceConfiguration -EnableRgsBackupService $true',
      'Set-CsPoolBackupRelationship -PoolFqdn p1',
      'Uninstall -CsMirrorDatabase -DatabaseType User',
    ];
    const problems = problemsOf(bad);
    expect(problems).toHaveLength(bad.length);
    expect(problems.join('\n')).toMatch(/has no -BackupModule parameter/);
    expect(problems.join('\n')).toMatch(/-EnableRgsBackupService does not exist in Lync Server 2013/);
    expect(problems.join('\n')).toMatch(/Set-CsPoolBackupRelationship is not a Lync Server 2013 cmdlet/);
    expect(problems.join('\n')).toMatch(/Uninstall is not a Lync Server 2013 cmdlet/);
    expect(problemsOf(['Import-CsRgsConfiguration -Destination "service:ApplicationServer:p1" -OverwriteOwner -ReplaceExistingRgsSettings -FileName x.zip'])).toEqual([]);
  });

  it.skipIf(!haveReference)('the allow-listed commands appear in the procedure pages they cite', () => {
    for (const [command, page] of Object.entries(ALLOWED_PROGRAMS)) {
      const text = readFileSync(path.join(reference, page), 'utf8');
      expect(text.toLowerCase(), `${command} in ${page}`).toContain(command.toLowerCase());
    }
  });

  it('has example deployments and runbooks to check', () => {
    expect(deployments.length).toBeGreaterThanOrEqual(4);
    expect(allRunbooks().length).toBeGreaterThanOrEqual(13);
  });

  for (const spec of allRunbooks()) {
    it(`${spec.id}: every cmdlet and -Parameter is documented for the version it runs on`, () => {
      const problems = new Set<string>();
      let checked = 0;
      let built = 0;
      for (const { name, topology } of deployments) {
        for (const doc of documentsFor(spec, topology)) {
          built++;
          const lines = powershellLines(doc);
          checked += lines.flatMap(commandUses).length;
          for (const p of problemsOf(lines, topology)) problems.add(`${name}: ${p}`);
        }
      }
      expect([...problems]).toEqual([]);
      // The runbook was built at least once and, unless it is purely manual, carried commands.
      expect(built, `${spec.id} built for no deployment`).toBeGreaterThan(0);
      if (MANUAL_ONLY[spec.id]) {
        if (haveReference) {
          const page = readFileSync(path.join(reference, MANUAL_ONLY[spec.id]!), 'utf8');
          expect(page, `${MANUAL_ONLY[spec.id]} holds no cmdlet`).not.toMatch(/^\s+[A-Z][a-z]+-Cs[A-Za-z]+/m);
        }
      } else {
        expect(checked, `${spec.id} has no PowerShell command`).toBeGreaterThan(0);
      }
    });
  }
});
