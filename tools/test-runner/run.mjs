#!/usr/bin/env node
// Runs every test of the workspace once (vitest, one project per package plus test/), prints a per-package table and
// the plain closing line `N passed, N failed, N skipped`, and exits non-zero when anything failed or nothing ran.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-test-'));
const out = path.join(dir, 'results.json');
const args = ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)];
const run = spawnSync('pnpm', args, { stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } });

let report;
try {
  report = JSON.parse(readFileSync(out, 'utf8'));
} catch {
  console.error(`test runner: vitest wrote no results (exit ${run.status}); see the output above.`);
  console.log('0 passed, 1 failed');
  process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const perProject = new Map();
for (const file of report.testResults ?? []) {
  const rel = path.relative(process.cwd(), file.name);
  const project = rel.split(path.sep).slice(0, rel.startsWith('test') ? 1 : 2).join('/');
  const row = perProject.get(project) ?? { passed: 0, failed: 0, skipped: 0 };
  for (const t of file.assertionResults ?? []) {
    const key = t.status === 'passed' ? 'passed' : t.status === 'failed' ? 'failed' : 'skipped';
    row[key] += 1;
  }
  // A file that failed to load counts as one failure.
  if ((file.assertionResults ?? []).length === 0 && file.status === 'failed') row.failed += 1;
  perProject.set(project, row);
}
const total = (k) => [...perProject.values()].reduce((n, r) => n + r[k], 0);
const [passed, failed, skipped] = [total('passed'), total('failed'), total('skipped')];
console.log('\nper package:');
for (const [name, r] of [...perProject].sort()) console.log(`  ${name.padEnd(24)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || run.status !== 0 || passed === 0 ? 1 : 0);
