/**
 * GET /api/readiness[?lang=en|fr] (read token): each DR goal's readiness as of the newest evaluation (docs/readiness.md),
 * each blocker's `message` in the language asked for (the documents' words for its code and parameters).
 */
import type { ReadinessReport } from '@lyncdr/domain';
import { blockerWords } from '@lyncdr/documents';
import { LyncdrError } from '@lyncdr/errors';
import { sendJson } from '../../http/respond';
import type { Route } from '../../http/router';
import type { ReadinessService } from './readiness-service';

export function inLanguage(report: ReadinessReport, lang: 'en' | 'fr'): ReadinessReport {
  if (lang === 'en') return report;
  return { ...report, goals: report.goals.map((g) => ({ ...g, blockers: g.blockers.map((b) => ({ ...b, message: blockerWords(b, lang) })) })) };
}

export function readinessRoutes(readiness: ReadinessService): Route[] {
  return [{
    method: 'GET', path: '/api/readiness', role: 'read',
    handle: ({ res, query }) => {
      const lang = query.get('lang') ?? 'en';
      if (lang !== 'en' && lang !== 'fr') throw new LyncdrError('E_USAGE', `lang=${lang} is not one of en, fr`);
      sendJson(res, 200, inLanguage(readiness.latest(), lang));
    },
  }];
}
