import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { createRotatingFileSink } from './rotating-file';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-logger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rotating JSON log files', () => {
  it('writes JSON lines, rotates before a file passes maxBytes and keeps only `keep` old files', () => {
    const logs = path.join(dir, 'logs');
    const sink = createRotatingFileSink({ dir: logs, maxBytes: 400, keep: 2 });
    const log = createLogger({ sinks: [sink], now: () => new Date('2026-03-01T10:00:00Z') });
    for (let i = 0; i < 40; i++) log.info('report queued', { n: i });
    sink.close();
    expect(readdirSync(logs).sort()).toEqual(['agent.1.log', 'agent.2.log', 'agent.log']);
    const lines = (f: string) => readFileSync(path.join(logs, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { n: number; level: string });
    for (const f of readdirSync(logs)) expect(readFileSync(path.join(logs, f)).length).toBeLessThanOrEqual(400);
    // Newest in agent.log, older in .1 then .2, with no gap between them.
    const ns = [...lines('agent.2.log'), ...lines('agent.1.log'), ...lines('agent.log')].map((r) => r.n);
    expect(ns.at(-1)).toBe(39);
    expect(ns).toEqual(Array.from({ length: ns.length }, (_, i) => 40 - ns.length + i));
    expect(lines('agent.log')[0]).toMatchObject({ level: 'info' });
  });

  it('appends to an existing file across restarts', () => {
    const logs = path.join(dir, 'again');
    for (let i = 0; i < 2; i++) {
      const sink = createRotatingFileSink({ dir: logs, name: 'planner' });
      createLogger({ sinks: [sink] }).info('started', { run: i });
      sink.close();
    }
    expect(readFileSync(path.join(logs, 'planner.log'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('reports once and goes on when the log folder is a file', () => {
    const file = path.join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    const errors: Error[] = [];
    const sink = createRotatingFileSink({ dir: file, onError: (e) => errors.push(e) });
    const log = createLogger({ sinks: [sink] });
    log.info('a');
    log.info('b');
    expect(errors).toHaveLength(1);
  });
});
