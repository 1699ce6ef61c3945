import { describe, expect, it } from 'vitest';
import { alertSender } from './alert-sender';

describe('the planner that sends the alerts', () => {
  const order = ['paris', 'london', 'rome'];
  it('is the first in the order while it is up', () => {
    expect(alertSender(order, 'paris', new Set())).toBe('paris');
    expect(alertSender(order, 'london', new Set())).toBe('paris');
    expect(alertSender(order, 'rome', new Set(['london']))).toBe('paris');
  });

  it('is the next one when every planner before it is down', () => {
    expect(alertSender(order, 'london', new Set(['paris']))).toBe('london');
    expect(alertSender(order, 'rome', new Set(['paris']))).toBe('london');
    expect(alertSender(order, 'rome', new Set(['paris', 'london']))).toBe('rome');
  });

  it('is this planner when it is first, whatever the others, or when it is not in the order', () => {
    expect(alertSender(order, 'paris', new Set(['london', 'rome']))).toBe('paris');
    expect(alertSender([], 'solo', new Set())).toBe('solo');
    expect(alertSender(['a', 'b'], 'c', new Set(['a', 'b']))).toBe('c');
  });
});
