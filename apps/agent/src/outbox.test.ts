import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createIdGenerator } from './ids';
import { createOutbox } from './outbox';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-outbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('durable outbox', () => {
  it('keeps one file per report until removed, survives a reopen, and cleans half-written files', async () => {
    const box = path.join(dir, 'a');
    const ids = createIdGenerator(() => new Date('2026-11-22T10:00:00.000Z'));
    const o = createOutbox(box);
    const [a, b, c] = [ids(), ids(), ids()];
    for (const id of [a, b, c]) await o.put(id!, JSON.stringify({ id }));
    expect(o.ids()).toEqual([a, b, c]);
    expect(await o.remove(b!)).toBe(true);
    expect(await o.remove(b!)).toBe(false);
    writeFileSync(path.join(box, `${c}.json.123.tmp`), '{"half');
    const reopened = createOutbox(box);
    expect(reopened.ids()).toEqual([a, c]);
    expect(reopened.depth()).toBe(2);
    expect(JSON.parse((await reopened.read(c!))!)).toEqual({ id: c });
    await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(box).sort()).toEqual([`${a}.json`, `${c}.json`]);
  });

  it('ids sort by creation time and never collide', () => {
    let t = Date.parse('2026-11-22T10:00:00Z');
    const gen = createIdGenerator(() => new Date((t += 1)));
    const list = Array.from({ length: 500 }, () => gen());
    expect([...list].sort()).toEqual(list);
    expect(new Set(list).size).toBe(500);
    expect(list[0]).toMatch(/^r-20261122T100000001Z-000001-[0-9a-f]{10}$/);
  });

  it('refuses an id that is not a safe file name', async () => {
    const o = createOutbox(path.join(dir, 'b'));
    await expect(o.put('../../etc/passwd', '{}')).rejects.toThrow(/not a safe file name/);
  });
});
