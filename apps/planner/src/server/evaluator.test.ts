import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '@lyncdr/logger';
import { createSqliteStore } from '@lyncdr/store';
import { afterEach, describe, expect, it } from 'vitest';
import { createEvaluator } from './evaluator';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-evaluator-'));
  dirs.push(dir);
  const now = () => new Date('2026-12-04T09:00:00.000Z');
  const store = createSqliteStore({ file: path.join(dir, 'planner.sqlite'), now });
  const evaluated: string[] = [];
  const errors: string[] = [];
  const log = { ...silentLogger, error: (event: string, fields?: Record<string, unknown>) => void errors.push(`${event} ${JSON.stringify(fields ?? {})}`) };
  const evaluator = createEvaluator({
    store, now, log, items: () => [], deployment: () => null, rules: {}, onChanges: () => {}, debounceMs: 0,
    onEvaluated: (s) => evaluated.push(s.generatedAt),
  });
  return { store, evaluator, evaluated, errors };
}

/** Lets every timer already due run: a 0 ms evaluation timer set before this one fires first. */
const timersDue = () => new Promise((r) => setTimeout(r, 5));

describe('the evaluator', () => {
  it('coalesces requests into one evaluation soon after', async () => {
    const { store, evaluator, evaluated } = setup();
    evaluator.evaluateSoon();
    evaluator.evaluateSoon();
    await timersDue();
    expect(evaluated).toHaveLength(1);
    store.close();
  });

  it('once stopped, asks for no more evaluations, so none runs against a closed store', async () => {
    const { store, evaluator, evaluated, errors } = setup();
    evaluator.evaluateSoon();
    evaluator.stop();
    evaluator.evaluateSoon(); // a report still draining after the stop
    store.close();
    await timersDue();
    expect(evaluated).toEqual([]);
    expect(errors).toEqual([]);
  });
});
