import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDeliveryLog, readCursor } from './delivery-log';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-delivery-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const id = (n: number) => `r-20261122T100000000Z-${String(n).padStart(6, '0')}-0123456789`;

describe('a planner\'s cursor file', () => {
  it('counts each drop once whatever a rewrite runs between, and reads back the same', async () => {
    const file = path.join(dir, 'race', 'a.log');
    const log = openDeliveryLog(file, 'wss://a.contoso.test/agent');
    const keep = new Set([id(1), id(2)]);
    const first = [log.record('ack', id(1)), log.record('drop', id(2))];
    // A rewrite asked for while that write is pending, then drops recorded before and after it runs.
    const rewrite = log.compact(keep);
    const more = [log.record('drop', id(3))];
    keep.add(id(3));
    await Promise.all([...first, rewrite, ...more]);
    await Promise.all([log.record('drop', id(4))]);
    await log.close();
    const read = readCursor(file);
    expect(read.dropped).toBe(3);
    expect([...read.done].sort()).toEqual([id(1), id(2), id(3), id(4)]);
    expect(openDeliveryLog(file, 'wss://a.contoso.test/agent').dropped).toBe(3);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('# wss://a.contoso.test/agent');
  });

  it('appends made at once share one write, in order', async () => {
    const file = path.join(dir, 'batch', 'b.log');
    const log = openDeliveryLog(file, 'wss://b.contoso.test/agent');
    await Promise.all([1, 2, 3].map((n) => log.record('ack', id(n))));
    await log.close();
    expect(readFileSync(file, 'utf8')).toBe(`# wss://b.contoso.test/agent\na ${id(1)}\na ${id(2)}\na ${id(3)}\n`);
    expect(log.lines()).toBe(3);
  });
});
