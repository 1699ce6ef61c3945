import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, launchBrowser, openDashboard, startDashboardPlanner, type Browser, type Page, type DashboardPlanner } from '../apps/planner/src/testing/dashboard-planner';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-dashboard-docs-'));
let p: DashboardPlanner;
let browser: Browser;

beforeAll(async () => {
  p = await startDashboardPlanner();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await p?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Clicks a download button and returns the text of the PDF it saved (read back with pdftotext). */
async function downloadPdf(page: Page, button: string, name: string): Promise<{ file: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(button)]);
  const file = path.join(dir, name);
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  return { file: download.suggestedFilename(), text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
}

describe('dashboard documents and plan wizard in headless Chromium', () => {
  it('downloads a worksheet and a French runbook as PDF from the API', async () => {
    const { context, page, requests } = await openDashboard(browser, p);
    await page.goto(`${p.url}/#documents`);
    await page.waitForSelector('#ws-go');
    await page.selectOption('#ws-kind', 'filestore');
    const ws = await downloadPdf(page, '#ws-go', 'worksheet.pdf');
    expect(ws.file).toBe('worksheet-filestore-en.pdf');
    expect(ws.text).toContain('File Store Backup and Restoration Worksheet');
    expect(ws.text).toContain('Contoso (Paris + Lyon)');
    // Filled with the planner's current status.
    expect(ws.text).toContain('no agent has');
    await page.selectOption('#rb-id', 'pool-failover');
    await page.selectOption('#rb-pool', 'pool01.contoso.example');
    await page.selectOption('#rb-lang', 'fr');
    const rb = await downloadPdf(page, '#rb-go', 'runbook.pdf');
    expect(rb.file).toBe('runbook-pool-failover-fr.pdf');
    expect(rb.text).toContain('Invoke-CsPoolFailOver');
    expect(rb.text).toContain('pool01.contoso.example');
    expect(rb.text).toMatch(/basculement/i);
    expect(foreignRequests(requests, p.url)).toEqual([]);
    await context.close();
  });

  it('plan wizard: goal → pool → state → steps; a reordered plan fails its check next to the step; the plan prints', async () => {
    const { context, page, requests } = await openDashboard(browser, p);
    await page.goto(`${p.url}/#documents`);
    await page.waitForSelector('#pw-goal');
    await page.selectOption('#pw-goal', 'failover');
    await page.selectOption('#pw-pool', 'pool01.contoso.example');
    // The state comes pre-filled: the pool of a disaster failover is down, the CMS where the topology puts it.
    expect(await page.isChecked('.pw-down[value="pool01.contoso.example"]')).toBe(true);
    expect(await page.inputValue('#pw-cms')).toBe(p.topology.cms!.pool);
    await page.click('#pw-plan');
    await page.waitForSelector('#pw-result ol.steps > li');
    const steps = await page.locator('#pw-result ol.steps > li').count();
    expect(steps).toBeGreaterThan(1);
    expect(await page.locator('#pw-result').textContent()).toContain('Invoke-CsPoolFailOver -PoolFqdn pool01.contoso.example -DisasterMode');
    await page.click('#pw-check');
    await page.waitForSelector('#pw-result .check-ok');
    // Move the failover command to the top (before the steps it depends on): the check names the broken step.
    const idx = await page.locator('#pw-result ol.steps > li').evaluateAll((lis) => lis.findIndex((li) => li.textContent!.includes('Invoke-CsPoolFailOver')));
    expect(idx).toBeGreaterThan(0);
    for (let i = idx; i > 0; i--) await page.click(`#pw-result li[data-n="${i + 1}"] button.mv[data-d="-1"]`);
    await page.click('#pw-check');
    await page.waitForSelector('#pw-result li.bad .step-error');
    const bad = page.locator('#pw-result li.bad');
    expect(await bad.getAttribute('data-n')).toBe('1');
    expect(await bad.textContent()).toContain('Invoke-CsPoolFailOver');
    expect(await page.locator('#pw-result p[role="alert"]').textContent()).toMatch(/^Step 1 breaks the rule/);
    // A goal impossible from the state is explained too.
    await page.selectOption('#pw-goal', 'failback');
    await page.click('#pw-plan');
    await page.waitForSelector('#pw-result p[role="alert"]');
    expect(await page.locator('#pw-result p[role="alert"]').textContent()).toMatch(/^Error: /);
    // The printable plan.
    await page.selectOption('#pw-goal', 'failover');
    await page.selectOption('#pw-lang', 'fr');
    const pdf = await downloadPdf(page, '#pw-pdf', 'plan.pdf');
    expect(pdf.file).toBe('plan-failover-fr.pdf');
    expect(pdf.text).toContain('Invoke-CsPoolFailOver -PoolFqdn pool01.contoso.example -DisasterMode');
    expect(pdf.text).toContain('Plan de reprise');
    expect(foreignRequests(requests, p.url)).toEqual([]);
    await context.close();
  });
});
