import { describe, expect, it } from 'vitest';
import { reasonCodes } from '@lyncdr/domain';
import { reasonSamples } from '@lyncdr/domain/testing';

type Entry = { reason: string; reasonCode?: string; reasonParams?: Record<string, unknown> };
const assetPath = './assets/reasons.js';
const { formatReason, reasonFormats } = (await import(assetPath)) as {
  formatReason: (entry: Entry, lang: string) => string;
  reasonFormats: Record<'en' | 'fr', Record<string, unknown>>;
};

/** English words of the policy's reasons that a French sentence must not keep. */
const english = /\b(the|of|ago|expected|every|grace|within|beyond|unhealthy|never|seen|report|reported|lists|no|not|run|took|over|under|bound|slow|fast|warnings|lag|missing|export|import|steady|state|mirrored|mirroring|synchronized|all|up to date|more|probe|failed|details|backup|database)\b/i;

describe('dashboard: status reasons from code and parameters', () => {
  const samples = reasonSamples();

  it('has an English and a French formatter for every code of the policy', () => {
    for (const code of reasonCodes) {
      expect(reasonFormats.en[code], code).toBeTypeOf('function');
      expect(reasonFormats.fr[code], code).toBeTypeOf('function');
    }
  });

  it('says in English exactly what the policy says', () => {
    for (const e of samples) expect(formatReason(e, 'en')).toBe(e.reason);
  });

  it('says the reasons in French, with no English left but what the collectors reported', () => {
    const collectorText = /log chain has a gap|refused the update|Get-CsBackupServiceStatus failed|old log|\ba\b/g;
    for (const e of samples) {
      const fr = formatReason(e, 'fr');
      expect(fr).not.toBe(e.reason);
      expect(fr.replace(collectorText, ''), fr).not.toMatch(english);
    }
    const late = samples.find((e) => e.reasonCode === 'item.late')!;
    expect(formatReason(late, 'fr')).toBe('dernière sauvegarde réussie il y a 31 h ; attendue toutes les 24 h (+ 6 h de tolérance)');
    const cms = samples.find((e) => e.reasonCode === 'cms.notUpToDate')!;
    expect(formatReason(cms, 'fr')).toContain('magasin central de gestion');
    expect(formatReason(samples.find((e) => e.reasonCode === 'backupService.steady')!, 'fr')).toContain('service de sauvegarde');
  });

  it('falls back to the English reason when the code is unknown or missing', () => {
    expect(formatReason({ reason: 'something new', reasonCode: 'item.future', reasonParams: {} }, 'fr')).toBe('something new');
    expect(formatReason({ reason: 'no code' }, 'fr')).toBe('no code');
    expect(formatReason({ reason: 'r', reasonCode: 'rpo', reasonParams: {} }, 'fr')).toBe('r');
  });
});
