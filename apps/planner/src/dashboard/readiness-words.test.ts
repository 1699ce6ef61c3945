import { describe, expect, it } from 'vitest';
import { blockerCodes, blockerInEnglish, type BlockerCode } from '@lyncdr/domain';
import { blockerWords } from '@lyncdr/documents';

type Blocker = { code: string; message: string; params?: Record<string, unknown> };
const assetPath = './assets/readiness-words.js';
const words = (await import(assetPath)) as { blockerText: (b: Blocker, lang: string) => string; blockerCodes: string[] };

/** Parameters of each blocker code, as the readiness service gives them. */
const params: Record<BlockerCode, Record<string, unknown>> = {
  'plan-impossible': { reason: 'pool02.contoso.example is down' },
  'no-backup-pool': { pool: 'pool03.contoso.example' },
  'edge-next-hop-on-failed-pool': { edges: ['edge02.contoso.example'], pool: 'pool02.contoso.example', partner: 'pool01.contoso.example', step: 2 },
  'step-would-fail': { step: 4, reason: 'the CMS is not on a running pool' },
  'backup-service-error': { state: 'ErrorState', forSeconds: 6 * 3600, pool: 'pool01.contoso.example', partner: 'pool02.contoso.example' },
  'backup-service-backlog': { state: 'NormalState', forSeconds: 5400, pool: 'pool01.contoso.example', partner: 'pool02.contoso.example' },
  'cms-replica-stale': { forSeconds: 3 * 86400 + 3600, replicas: ['fe02a.contoso.example', 'fe02b.contoso.example'] },
  'mirror-not-synchronized': { pool: 'pool01.contoso.example', databases: ['rtcxds', 'rtcab'] },
  'copy-late': { item: 'filestore:\\\\fs01.contoso.example\\lyncshare', ageSeconds: 50 * 3600, status: 'late' },
  'facts-unknown': { facts: ['cmsReplicas'] },
  'rpo-over-target': { rpoSeconds: 7200, targetMinutes: 60 },
  'rto-over-target': { rtoMinutes: 150, targetMinutes: 120 },
};

describe('dashboard: readiness blockers in words', () => {
  it('has French words for every blocker code, the same as the printed worksheet\'s', () => {
    expect([...words.blockerCodes].sort()).toEqual([...blockerCodes].sort());
    for (const code of blockerCodes) {
      const b = { code, message: blockerInEnglish(code, params[code]), params: params[code] };
      expect(words.blockerText(b, 'fr'), code).toBe(blockerWords(b, 'fr'));
      expect(words.blockerText(b, 'en'), code).toBe(b.message);
    }
  });

  it('keeps the planner\'s message for a code it does not know or a blocker without parameters', () => {
    expect(words.blockerText({ code: 'new-code', message: 'something new', params: {} }, 'fr')).toBe('something new');
    expect(words.blockerText({ code: 'facts-unknown', message: 'not known now' }, 'fr')).toBe('not known now');
  });
});
