import { describe, expect, it } from 'vitest';
import { blockerCodes, blockerInEnglish, type BlockerCode, type ReadinessReport } from '@lyncdr/domain';
import { blockerWords } from '@lyncdr/documents';
import { inLanguage } from './readiness-routes';

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

const report: ReadinessReport = {
  generatedAt: '2026-12-04T09:00:00.000Z',
  goals: [{
    goal: 'failover', args: { pool: 'pool01.contoso.example' }, status: 'blocked', rpoSeconds: null, rtoMinutes: 30, targets: null, facts: [],
    plan: 'lyncdr plan failover --pool pool01.contoso.example',
    blockers: blockerCodes.map((code) => ({ code, message: blockerInEnglish(code, params[code]), step: null, params: params[code] })),
  }],
};

describe('GET /api/readiness in the language asked for', () => {
  it('words every blocker in French as the printed worksheet does, and keeps the English messages for en', () => {
    const fr = inLanguage(report, 'fr').goals[0]!.blockers;
    expect(fr.map((b) => b.message)).toEqual(blockerCodes.map((code) => blockerWords({ code, params: params[code] }, 'fr')));
    expect(fr.find((b) => b.code === 'backup-service-error')?.message).toContain('service de sauvegarde en ErrorState depuis 6 h');
    expect(inLanguage(report, 'en')).toBe(report);
  });
});
