import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '@lyncdr/logger';
import { createDeliveries, cursorFile, type DeliveryTarget } from './deliveries';
import { createIdGenerator, idTime } from './ids';
import { createOutbox } from './outbox';

const root = mkdtempSync(path.join(tmpdir(), 'lyncdr-deliveries-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const HOUR = 3_600_000;
const A = { key: 'planners.0', url: 'wss://planner-a.contoso.test/agent', retentionMs: 24 * HOUR };
const B = { key: 'planners.1', url: 'wss://planner-b.contoso.test/agent', retentionMs: 24 * HOUR };

let n = 0;
/** An outbox with `count` reports created one minute apart from `start`, and a clock the test moves. */
async function setup(targets: DeliveryTarget[], count: number, start = Date.parse('2026-11-22T10:00:00Z'), opts: { compactAfterLines?: number } = {}) {
  const dir = path.join(root, `box-${++n}`);
  let t = start;
  const newId = createIdGenerator(() => new Date(t));
  const outbox = createOutbox(dir);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = newId('r');
    await outbox.put(id, JSON.stringify({ id }));
    ids.push(id);
    t += 60_000;
  }
  const clock = { now: t };
  const warnings: string[] = [];
  const logger = createLogger({ sinks: [{ write: (r) => r.level === 'warn' && warnings.push(r.msg) }] });
  const open = () => createDeliveries({ outbox: createOutbox(dir), dir, targets, now: () => new Date(clock.now), logger, ...opts });
  return { dir, ids, clock, warnings, deliveries: createDeliveries({ outbox, dir, targets, now: () => new Date(clock.now), logger, ...opts }), open };
}

describe('delivery cursors: a report leaves the outbox once every planner acknowledged it', () => {
  it('with one planner, an ack deletes the report at once and no cursor file is written', async () => {
    const { dir, ids, deliveries } = await setup([{ ...A, key: 'planner' }], 3);
    expect(deliveries.waiting('planner')).toEqual(ids);
    await deliveries.ack('planner', ids[1]!);
    expect(deliveries.waiting('planner')).toEqual([ids[0], ids[2]]);
    expect(existsSync(path.join(dir, `${ids[1]}.json`))).toBe(false);
    expect(existsSync(path.join(dir, 'delivery'))).toBe(false);
    await deliveries.close();
  });

  it('with two, keeps each planner\'s acks in its own cursor across a restart, and deletes a report on the last ack', async () => {
    const { dir, ids, deliveries, open } = await setup([A, B], 4);
    await deliveries.ack(A.key, ids[0]!);
    await deliveries.ack(A.key, ids[1]!);
    await deliveries.ack(B.key, ids[2]!);
    expect(deliveries.waiting(A.key)).toEqual([ids[2], ids[3]]);
    expect(deliveries.waiting(B.key)).toEqual([ids[0], ids[1], ids[3]]);
    expect(deliveries.waitingCount(B.key)).toBe(3);
    expect(existsSync(path.join(dir, `${ids[0]}.json`))).toBe(true);
    // An ack of a report not in the outbox, or a second one, changes nothing.
    await deliveries.ack(A.key, ids[0]!);
    await deliveries.ack(A.key, 'r-20261122T100000000Z-000099-0000000000');
    await deliveries.close();

    // The agent restarts: nothing acked is sent again to the planner that acked it.
    const again = open();
    expect(again.waiting(A.key)).toEqual([ids[2], ids[3]]);
    expect(again.waiting(B.key)).toEqual([ids[0], ids[1], ids[3]]);
    await again.ack(B.key, ids[0]!);
    expect(existsSync(path.join(dir, `${ids[0]}.json`))).toBe(false);
    expect(again.waiting(A.key)).toEqual([ids[2], ids[3]]);
    expect(readFileSync(cursorFile(dir, A.url), 'utf8')).toBe(`# ${A.url}\na ${ids[0]}\na ${ids[1]}\n`);
    await again.close();
  });

  it('deletes at the next sweep a report both cursors hold (a crash came before the file was deleted)', async () => {
    const { dir, ids, deliveries, open } = await setup([A, B], 2);
    await deliveries.ack(A.key, ids[0]!);
    await deliveries.close();
    appendFileSync(cursorFile(dir, B.url), `a ${ids[0]}\n`);
    const again = open();
    expect(again.waiting(A.key)).toEqual([ids[1]]);
    expect(again.waiting(B.key)).toEqual([ids[1]]);
    expect(await again.sweep(() => false)).toEqual({});
    expect(existsSync(path.join(dir, `${ids[0]}.json`))).toBe(false);
    await again.close();
  });

  it('cuts off a cursor line a crash left half written, and appends after it', async () => {
    const { dir, ids, deliveries, open } = await setup([A, B], 3);
    await deliveries.ack(A.key, ids[0]!);
    await deliveries.close();
    appendFileSync(cursorFile(dir, A.url), `a ${ids[1]!.slice(0, 12)}`);
    const again = open();
    expect(again.waiting(A.key)).toEqual([ids[1], ids[2]]);
    await again.ack(A.key, ids[2]!);
    await again.close();
    expect(readFileSync(cursorFile(dir, A.url), 'utf8')).toBe(`# ${A.url}\na ${ids[0]}\na ${ids[2]}\n`);
    expect(open().waiting(A.key)).toEqual([ids[1]]);
  });

  it('rewrites a cursor holding many more lines than reports, keeping the drop count', async () => {
    const { dir, ids, deliveries, clock, open } = await setup([A, B], 12, undefined, { compactAfterLines: 8 });
    clock.now += 48 * HOUR;
    // B is unreachable: all twelve are dropped for it (twelve lines), then A acks them one by one.
    expect(await deliveries.sweep((k) => k === B.key)).toEqual({ [B.key]: 12 });
    for (const id of ids) await deliveries.ack(A.key, id);
    expect(deliveries.waiting(A.key)).toEqual([]);
    await deliveries.sweep(() => false);
    await deliveries.close();
    expect(readFileSync(cursorFile(dir, B.url), 'utf8')).toBe(`# ${B.url}\nn 12\n`);
    expect(open().dropped(B.key)).toBe(12);
  });
});

describe('outbox retention: reports a planner that stays unreachable did not acknowledge', () => {
  it('are dropped for that planner once older than its retention, counted, logged and remembered', async () => {
    // Six reports, one minute apart, the newest made at 10:05.
    const { dir, ids, clock, warnings, deliveries, open } = await setup([A, { ...B, retentionMs: 2 * HOUR }], 6);
    await deliveries.ack(A.key, ids[0]!);
    // Reachable or not, nothing is old enough yet.
    expect(await deliveries.sweep(() => true)).toEqual({});
    clock.now = Date.parse('2026-11-22T12:02:30Z');
    // B was reachable (only slow): nothing is dropped.
    expect(await deliveries.sweep(() => false)).toEqual({});
    // B stays unreachable: the three reports made before 10:02:30 are dropped for it; A still gets them.
    expect(await deliveries.sweep((k) => k === B.key)).toEqual({ [B.key]: 3 });
    expect(deliveries.dropped(B.key)).toBe(3);
    expect(deliveries.dropped(A.key)).toBe(0);
    expect(deliveries.waiting(B.key)).toEqual(ids.slice(3));
    expect(deliveries.waiting(A.key)).toEqual(ids.slice(1));
    // The one A had acknowledged is done with: its file is gone.
    expect(existsSync(path.join(dir, `${ids[0]}.json`))).toBe(false);
    expect(warnings).toEqual([expect.stringMatching(/^dropped 3 report\(s\) the planner wss:\/\/planner-b\.contoso\.test\/agent did not acknowledge within 2 h .*3 dropped for it in all/)]);
    await deliveries.close();

    const again = open();
    expect(again.dropped(B.key)).toBe(3);
    expect(again.waiting(B.key)).toEqual(ids.slice(3));
    // A's own retention (24 h) has not run out.
    clock.now = Date.parse('2026-11-22T12:03:30Z');
    expect(await again.sweep(() => true)).toEqual({ [B.key]: 1 });
    expect(again.dropped(B.key)).toBe(4);
    await again.close();
  });

  it('applies to one planner too: the report goes, the drop is kept in a cursor file', async () => {
    const { dir, ids, clock, deliveries, open } = await setup([{ ...A, key: 'planner' }], 2);
    clock.now += 25 * HOUR;
    expect(await deliveries.sweep(() => true)).toEqual({ planner: 2 });
    expect(deliveries.waiting('planner')).toEqual([]);
    expect(existsSync(path.join(dir, `${ids[0]}.json`))).toBe(false);
    await deliveries.close();
    expect(open().dropped('planner')).toBe(2);
  });

  it('reads a report\'s age from its id', () => {
    expect(idTime('r-20261122T100000001Z-000001-0123456789')).toBe(Date.parse('2026-11-22T10:00:00.001Z'));
    expect(idTime('rep-fe1-000001')).toBeNull();
  });
});
