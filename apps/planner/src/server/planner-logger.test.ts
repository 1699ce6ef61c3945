import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PlannerConfig } from './config';
import { createPlannerLogger } from './planner-logger';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-planner-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const now = () => new Date('2026-11-22T20:00:00.000Z');

describe('the planner log', () => {
  it('prints key=value lines on the terminal and writes the same records as JSON lines in <data>/logs/planner.log', () => {
    const lines: string[] = [];
    const data = path.join(dir, 'data');
    const logger = createPlannerLogger(PlannerConfig.parse({ data }), { terminal: (l) => lines.push(l), now });
    logger.log.info('planner.ready', { url: 'http://127.0.0.1:8470', items: 3 });
    logger.log.debug('not shown at the default level');
    logger.log.error('http.error', { path: '/api/x', error: 'two words' });
    logger.close();
    expect(lines).toEqual([
      '2026-11-22T20:00:00.000Z INFO  planner.ready url=http://127.0.0.1:8470 items=3\n',
      '2026-11-22T20:00:00.000Z ERROR http.error path=/api/x error="two words"\n',
    ]);
    expect(logger.file).toBe(path.join(data, 'logs', 'planner.log'));
    expect(readFileSync(logger.file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([
      { time: '2026-11-22T20:00:00.000Z', level: 'info', msg: 'planner.ready', url: 'http://127.0.0.1:8470', items: 3 },
      { time: '2026-11-22T20:00:00.000Z', level: 'error', msg: 'http.error', path: '/api/x', error: 'two words' },
    ]);
  });

  it('uses logging.dir and logging.level, and says once on the terminal when the folder cannot be written', () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'x');
    const lines: string[] = [];
    const logger = createPlannerLogger(PlannerConfig.parse({ data: dir, logging: { dir: file, level: 'warn' } }), { terminal: (l) => lines.push(l), now });
    logger.log.info('dropped');
    logger.log.warn('agent.refused', { reason: 'token' });
    logger.log.warn('agent.refused', { reason: 'token' });
    logger.close();
    expect(lines.filter((l) => l.startsWith('lyncdr: cannot write logs in '))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('WARN  agent.refused reason=token'))).toHaveLength(2);
    expect(lines.some((l) => l.includes('dropped'))).toBe(false);
  });
});
