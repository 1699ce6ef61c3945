import { describe, expect, it } from 'vitest';
import { parseSchedule } from './schedule';
import { worksheetStrings } from './strings';

describe('parseSchedule', () => {
  it('reads the forms an overlay uses', () => {
    expect(parseSchedule('daily 01:00')).toEqual({ kind: 'daily', time: '01:00' });
    expect(parseSchedule('Daily at 1:30')).toEqual({ kind: 'daily', time: '01:30' });
    expect(parseSchedule('daily')).toEqual({ kind: 'daily', time: null });
    expect(parseSchedule('weekly on Sunday 23:00')).toEqual({ kind: 'weekly', day: 'sunday', time: '23:00' });
    expect(parseSchedule('every Mondays at 02:15')).toEqual({ kind: 'weekly', day: 'monday', time: '02:15' });
    expect(parseSchedule('hourly')).toEqual({ kind: 'hours', every: 1 });
    expect(parseSchedule('every 4 hours')).toEqual({ kind: 'hours', every: 4 });
    expect(parseSchedule('every 15 minutes')).toEqual({ kind: 'minutes', every: 15 });
  });

  it('leaves free text alone', () => {
    for (const s of ['tous les jours à 01 h 00', 'daily 25:00', 'after each change', 'daily 01:00 and weekly', 'x'.repeat(5000)]) {
      expect(parseSchedule(s)).toBeNull();
    }
  });
});

describe('schedule words', () => {
  it('are English and French', () => {
    const daily = parseSchedule('daily 01:00')!;
    expect(worksheetStrings('en').schedule(daily)).toBe('daily 01:00');
    expect(worksheetStrings('fr').schedule(daily)).toBe('tous les jours à 01 h 00');
    expect(worksheetStrings('fr').schedule(parseSchedule('weekly sunday 23:30')!)).toBe('chaque dimanche à 23 h 30');
    expect(worksheetStrings('fr').schedule(parseSchedule('every 4 hours')!)).toBe('toutes les 4 heures');
    expect(worksheetStrings('fr').schedule(parseSchedule('hourly')!)).toBe('toutes les heures');
    expect(worksheetStrings('en').schedule(parseSchedule('every 15 minutes')!)).toBe('every 15 minutes');
  });
});
