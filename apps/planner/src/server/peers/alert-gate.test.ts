import { describe, expect, it } from 'vitest';
import type { StatusChange } from '../alerts/notifier';
import { createAlertGate } from './alert-gate';

const change = (itemId: string): StatusChange => ({ entry: { itemId, status: 'late', reason: 'r', lastGood: null, ageSeconds: null }, previous: 'ok' });

describe('the alert gate', () => {
  it('leaves alerts to the first planner while it answers, and takes back those held after it went silent', () => {
    const down = new Set<string>();
    let silent: string | null = null;
    const gate = createAlertGate({ order: ['paris', 'london'], self: 'london', down: () => down, silentSince: () => silent });
    expect(gate.decide()).toEqual({ send: false, sender: 'paris', except: 'peer:paris' });
    gate.hold([change('a')], 'paris', new Date('2026-12-04T10:00:00Z'));
    // Paris stops answering at 10:01; london holds b and c before it counts paris as down.
    silent = '2026-12-04T10:01:00.000Z';
    gate.hold([change('b')], 'paris', new Date('2026-12-04T10:01:30Z'));
    gate.hold([change('c')], 'paris', new Date('2026-12-04T10:02:00Z'));
    down.add('paris');
    expect(gate.decide()).toEqual({ send: true });
    expect(gate.takeBack().map((c) => c.entry.itemId)).toEqual(['b', 'c']);
    expect(gate.takeBack()).toEqual([]);
  });

  it('sends itself when it is first', () => {
    const gate = createAlertGate({ order: ['paris', 'london'], self: 'paris', down: () => new Set(), silentSince: () => null });
    expect(gate.decide()).toEqual({ send: true });
  });

  it('takes back nothing held while the sender answered', () => {
    const gate = createAlertGate({ order: ['paris', 'london'], self: 'london', down: () => new Set(), silentSince: () => null });
    gate.hold([change('a')], 'paris', new Date('2026-12-04T10:00:00Z'));
    expect(gate.takeBack()).toEqual([]);
  });
});
