import { z } from 'zod';
import type { Observation } from '@lyncdr/protocol';
import { checkCollectorConfig } from '../config-check';
import type { Collector } from '../types';
import { compareTrees } from './compare';

export { compareTrees, type CompareOptions, type CompareResult, type FolderSummary } from './compare';
export { walkSorted, type WalkEntry, type WalkIssue } from './walk';
export { sha256File } from './hash';

const Pair = z.object({ source: z.string().min(1), backup: z.string().min(1), subject: z.string().optional() });
const FileStoreConfig = z.object({
  pairs: z.array(Pair).min(1, 'list at least one { source, backup } pair'),
  exclude: z.array(z.string()).default(['Meeting.Active']),
  hash: z.enum(['none', 'sample', 'all']).default('none'),
  sampleRate: z.number().min(0).max(1).default(0.01),
  maxFindings: z.number().int().positive().default(1000),
  /** Walk the share and its copy in two worker threads; default: yes unless hash is `all`. */
  parallel: z.boolean().optional(),
});

/**
 * file-store: compares each live file share (`\\fs\share`) with its backup copy (REFERENCE §a.2, §f.1:
 * lync-server-2013-backing-up-file-stores.md). One observation per share, with a summary per service folder.
 */
export const fileStoreCollector: Collector = {
  id: 'file-store',
  description: 'Compares the Lync file store share with its backup copy (missing, older, changed and extra files).',
  async run(raw, ctx) {
    const cfg = checkCollectorConfig('file-store', FileStoreConfig, normalise(raw));
    const observations: Observation[] = [];
    for (const pair of cfg.pairs) {
      const r = await compareTrees(pair.source, pair.backup, {
        exclude: cfg.exclude,
        hash: cfg.hash,
        sampleRate: cfg.sampleRate,
        maxFindings: cfg.maxFindings,
        parallel: cfg.parallel,
        progress: (m, done) => ctx.progress?.(`${pair.source}: ${m}`, done),
        signal: ctx.signal,
      });
      observations.push({
        kind: 'file-store',
        subject: pair.subject ?? pair.source,
        lastGood: r.ok ? r.newestBackup : null,
        ok: r.ok,
        findings: r.findings,
        data: { source: pair.source, backup: pair.backup, totals: r.totals, folders: r.folders, newestBackup: r.newestBackup, findingsTotal: r.findingsTotal },
      });
    }
    return { ok: observations.every((o) => o.ok), observations, findings: [] };
  },
};

/** Accepts `{ source, backup }` as a shorthand for one pair. */
function normalise(raw: unknown): unknown {
  if (raw && typeof raw === 'object' && !('pairs' in raw) && 'source' in raw) {
    const { source, backup, subject, ...rest } = raw as Record<string, unknown>;
    return { ...rest, pairs: [{ source, backup, subject }] };
  }
  return raw;
}
