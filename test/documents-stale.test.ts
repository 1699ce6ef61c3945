import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportsCollector } from '../packages/collectors/src/index';
import { makeZip } from '../packages/collectors/src/testing/index';
import { repoRoot } from './planner-helpers';
import { foreignRequests, launchBrowser, openDashboard, startDashboardPlanner, type Browser, type DashboardPlanner } from '../apps/planner/src/testing/dashboard-planner';
import { connectSimAgent, type SimAgent } from '../apps/planner/src/testing/sim-agent';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-documents-stale-'));
const exportsDir = path.join(dir, 'exports');
const publishedXml = readFileSync(path.join(repoRoot, 'examples/two-site/topology.xml'), 'utf8');
let p: DashboardPlanner;
let browser: Browser | null = null;
let agent: SimAgent;
let reports = 0;

/** An Export-CsConfiguration zip (DocItemSet.xml and the topology, REFERENCE §f.2) written with the given time. */
function writeExport(name: string, xml: string, mtime: string): void {
  mkdirSync(exportsDir, { recursive: true });
  const file = path.join(exportsDir, name);
  writeFileSync(file, makeZip({
    'DocItemSet.xml': '<?xml version="1.0" encoding="utf-8"?><DocItemSet><DocItem Name="urn:xds:Microsoft.Rtc.Management.Xds.Topology"/></DocItemSet>',
    'Topology.xml': xml,
  }));
  utimesSync(file, new Date(mtime), new Date(mtime));
}

/** Runs the real exports collector over the folder and sends what it observed, as the agent does. */
async function collectAndReport(): Promise<void> {
  const run = await exportsCollector.run({ folders: [exportsDir] }, { now: () => new Date(), bridge: { run: async () => null } });
  const t = new Date().toISOString();
  await agent.report(`exports-${++reports}`, { collector: 'exports', startedAt: t, finishedAt: t, durationMs: 40, ok: run.ok, findings: run.findings, observations: run.observations });
}

async function get<T>(route: string): Promise<T> {
  const res = await fetch(`${p.url}${route}`, { headers: { authorization: `Bearer ${p.readToken}` } });
  expect(res.status, route).toBe(200);
  return (route.includes('format=') ? res.text() : res.json()) as Promise<T>;
}

interface Entry { itemId: string; status: string; reason: string; reasonCode?: string; reasonParams?: Record<string, unknown> }
const staleItem = () => (p.server.evaluator.evaluate().items as Entry[]).find((e) => e.itemId === 'documents:stale');

interface Drift {
  stale: boolean;
  deploymentDiffers: boolean;
  changes: string[];
  export: { file: string } | null;
  documents: { kind: string; name: string; lang: string; format: string; stale: boolean }[];
}

beforeAll(async () => {
  p = await startDashboardPlanner();
  agent = await connectSimAgent(p.agentUrl, { agentId: 'fe01a', token: p.addAgent('fe01a') });
  agent.hello(false, ['exports']);
});
afterAll(async () => {
  await browser?.close();
  agent?.close();
  await p?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('printed documents against the newest CMS export', () => {
  it('a changed topology in a new CMS export raises the stale documents alert, naming the changes and the documents to print again', async () => {
    // Nothing printed, no export: nothing to judge.
    expect(staleItem()).toBeUndefined();

    // Documents printed from the deployment the planner serves: recorded with its fingerprint.
    await get('/api/documents/worksheet?kind=all&lang=en&format=md');
    await get(`/api/plan?goal=failover&pool=pool01.contoso.example&lang=fr&format=md&state=${encodeURIComponent(JSON.stringify({ down: ['pool01.contoso.example'] }))}`);
    // They match the deployment served and no export was reported yet: still nothing to say.
    expect(staleItem()).toBeUndefined();

    // An export of the same deployment (the published topology inside a CMS export zip) matches: no false alarm.
    writeExport('CsConfig-1.zip', publishedXml, '2026-12-01T03:00:00Z');
    await collectAndReport();
    const same = staleItem()!;
    expect(same.status, same.reason).toBe('ok');
    expect(same.reason).toContain('CsConfig-1.zip');
    let drift = await get<Drift>('/api/stale-documents');
    expect(drift).toMatchObject({ stale: false, deploymentDiffers: false, changes: [] });
    expect(drift.documents.map((d) => [d.kind, d.name, d.lang, d.format, d.stale])).toEqual([
      ['plan', 'failover pool01.contoso.example', 'fr', 'md', false],
      ['worksheet', 'all', 'en', 'md', false],
    ]);

    // A newer export where pool01 gained a Front End server.
    const changed = publishedXml.replace(
      '<Machine OrdinalInCluster="3" Fqdn="fe01c.contoso.example" FaultDomain="fe01c.contoso.example" UpgradeDomain="fe01c.contoso.example" />',
      '<Machine OrdinalInCluster="3" Fqdn="fe01c.contoso.example" FaultDomain="fe01c.contoso.example" UpgradeDomain="fe01c.contoso.example" />\n      ' +
        '<Machine OrdinalInCluster="4" Fqdn="fe01d.contoso.example" FaultDomain="fe01d.contoso.example" UpgradeDomain="fe01d.contoso.example" />',
    );
    expect(changed).not.toBe(publishedXml);
    writeExport('CsConfig-2.zip', changed, '2026-12-02T03:00:00Z');
    await collectAndReport();
    const stale = staleItem()!;
    expect(stale.status).toBe('late');
    expect(stale.reasonCode).toBe('documents.stale');
    expect(stale.reason).toMatch(/^printed documents are stale; the newest CMS export \(.*CsConfig-2\.zip at .*\) differs from the deployment the planner serves: /);
    expect(stale.reason).toContain('pool pool01.contoso.example: machine added fe01d.contoso.example');
    expect(stale.reason).toContain('print again: plan failover pool01.contoso.example (fr, md); worksheet all (en, md)');
    drift = await get<Drift>('/api/stale-documents');
    expect(drift.stale).toBe(true);
    expect(drift.deploymentDiffers).toBe(true);
    expect(drift.export?.file).toMatch(/CsConfig-2\.zip$/);
    expect(drift.changes).toContain('pool pool01.contoso.example: machine added fe01d.contoso.example');
    expect(drift.documents.every((d) => d.stale)).toBe(true);

    // The alert: ok → late, in the alert log with the reason.
    const alerts = await get<{ alerts: { itemId: string; from: string | null; to: string; reason: string }[] }>('/api/alerts?limit=50');
    const alert = alerts.alerts.find((a) => a.itemId === 'documents:stale');
    expect(alert).toMatchObject({ from: 'ok', to: 'late' });
    expect(alert!.reason).toContain('printed documents are stale');
  });

  it('the Documents view says which documents to print again and what changed, in English and French', async () => {
    browser = await launchBrowser();
    for (const lang of ['en', 'fr'] as const) {
      const { context, page, requests } = await openDashboard(browser, p, { lang: lang === 'fr' ? 'fr-FR' : 'en-GB' });
      await page.goto(`${p.url}/#documents`);
      await page.waitForSelector('#docs-stale .stale-alert');
      const alert = (await page.locator('#docs-stale .stale-alert').textContent())!;
      expect(alert).toMatch(lang === 'en' ? /^Printed documents are stale\. The newest CMS export \(.*CsConfig-2\.zip, .*\) differs from the deployment the planner serves\.$/
        : /^Les documents imprimés ne sont plus à jour\. Le dernier export du CMS \(.*CsConfig-2\.zip, .*\) diffère du déploiement que sert le planificateur\.$/);
      expect(await page.locator('#docs-stale .stale-changes li').allTextContents()).toContain('pool pool01.contoso.example: machine added fe01d.contoso.example');
      const rows = await page.locator('#docs-stale table.printed tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-kind'), tr.getAttribute('data-stale'), tr.children[1]!.textContent, tr.children[5]!.textContent]));
      expect(rows).toEqual(lang === 'en'
        ? [['plan', 'true', 'failover pool01.contoso.example', 'print again'], ['worksheet', 'true', 'All worksheets', 'print again Download']]
        : [['plan', 'true', 'failover pool01.contoso.example', 'à réimprimer'], ['worksheet', 'true', 'Toutes les fiches', 'à réimprimer Télécharger']]);
      // The status table names the item in words.
      await page.goto(`${p.url}/#status`);
      await page.waitForSelector('#rows tr[data-id="documents:stale"]');
      expect(await page.locator('#rows tr[data-id="documents:stale"]').textContent()).toContain(lang === 'en' ? 'Printed documents against the newest CMS export' : 'Documents imprimés face au dernier export du CMS');
      expect(foreignRequests(requests, p.url)).toEqual([]);
      await context.close();
    }
  });
});
