import { describe, expect, it } from 'vitest';
import { ageText, pageOf, statusWord, tbd, textFor } from './index';

describe('text catalog', () => {
  it('has the same keys in English and French', () => {
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(textFor('fr')).sort()).toEqual(keys(textFor('en')).sort());
  });

  it('uses Microsoft French terms and keeps failback distinct from restore and failover', () => {
    const fr = textFor('fr').terms;
    expect(fr.failover).toBe('basculement');
    expect(fr.failback).toBe('restauration automatique');
    expect(fr.restore).toBe('restauration');
    expect(new Set([fr.failover, fr.failback, fr.restore]).size).toBe(3);
  });

  it('formats page numbers, status words, blanks and ages', () => {
    expect(pageOf('en', 2, 9)).toBe('Page 2 of 9');
    expect(pageOf('fr', 2, 9)).toBe('Page 2 sur 9');
    expect(statusWord('fr', 'late')).toBe('En retard');
    expect(statusWord('en', 'failed')).toBe('Failed');
    expect(tbd('en')).toBe('TBD — owner');
    expect(tbd('fr')).toBe('À compléter — responsable');
    expect(ageText('en', 90 * 60)).toBe('90 minutes');
    expect(ageText('en', 30 * 3600)).toBe('30 hours');
    expect(ageText('fr', 3 * 86400)).toBe('3 jours');
    expect(ageText('fr', 60)).toBe('1 minute');
  });
});
