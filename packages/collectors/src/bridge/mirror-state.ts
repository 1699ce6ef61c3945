import { z } from 'zod';
import type { Finding, Observation } from '@lyncdr/protocol';
import { checkCollectorConfig } from '../config-check';
import type { Collector } from '../types';
import { describe } from './backup-service';
import { bridgeFailure } from './failure';
import { productField, reportedProduct } from './product';
import { asList, pick, text } from './shape';

export interface MirrorState {
  databaseName: string;
  stateOnPrimary: string | null;
  stateOnMirror: string | null;
  mirroringStatusOnPrimary: string | null;
  mirroringStatusOnMirror: string | null;
  status: 'synchronized' | 'not-mirrored' | 'attention' | 'unknown';
}

/** REFERENCE §d.4 / cmdlets/Get-CsDatabaseMirrorState.md: -DatabaseType values for Lync Server 2013. */
export const mirrorDatabaseTypes = ['App', 'Archiving', 'CMS', 'Monitoring', 'Provision', 'User'] as const;
const NOT_MIRRORED = 'DatabaseInaccessibleOrMirroringNotEnabled';
const ROLES = new Set(['Principal', 'Mirror']);

const Config = z.object({
  pools: z.array(z.string().min(1)).min(1, 'list the pools whose back-end mirrors to check'),
  databaseTypes: z.array(z.enum(mirrorDatabaseTypes)).optional(),
});

/**
 * Normalises Get-CsDatabaseMirrorState rows. The docs print `MirroringStatusOnSecondary`, scripts read
 * `MirroringStatusOnMirror` (fixtures/cmdlet-output/get-csdatabasemirrorstate…): both are accepted. Values outside
 * the documented vocabulary are reported as findings, not guessed at.
 */
export function normaliseMirrorRows(pool: string, raw: unknown): { databases: MirrorState[]; findings: Finding[]; mirroring?: 'not-supported' } {
  const root = asList(raw)[0];
  // database-mirror-state.ps1 on Skype for Business Server 2019 does not call the cmdlet: "SQL Mirroring can't be
  // deployed with Skype for Business Server 2019" (docs-sfb/SfBServer2019/deprecated.md), and
  // docs-sfb/cmdlets/Get-CsDatabaseMirrorState.md lists none of its parameters for 2019.
  if (!Array.isArray(raw) && text(pick(root, 'mirroring')) === 'not-supported') {
    const finding: Finding = {
      code: 'MIRROR_NOT_SUPPORTED',
      message: `${pool}: Skype for Business Server 2019 has no SQL mirroring (SfBServer2019/deprecated.md), so there is no mirror state to check; its Back End is protected by Always On or failover clustering`,
      path: null,
      severity: 'info',
    };
    return { databases: [], findings: [finding], mirroring: 'not-supported' };
  }
  const rows = asList(root && pick(root, 'databases') !== undefined ? pick(root, 'databases') : raw);
  const findings: Finding[] = [];
  const databases: MirrorState[] = [];
  for (const r of rows) {
    const databaseName = text(pick(r, 'databaseName', 'DatabaseName'));
    if (!databaseName) {
      findings.push({ code: 'MIRROR_SHAPE', message: `${pool}: a mirror-state row has no DatabaseName (${describe(r)})`, path: null, severity: 'warning' });
      continue;
    }
    const m: MirrorState = {
      databaseName,
      stateOnPrimary: text(pick(r, 'stateOnPrimary', 'StateOnPrimary')),
      stateOnMirror: text(pick(r, 'stateOnMirror', 'StateOnMirror')),
      mirroringStatusOnPrimary: text(pick(r, 'mirroringStatusOnPrimary', 'MirroringStatusOnPrimary')),
      mirroringStatusOnMirror: text(pick(r, 'mirroringStatusOnMirror', 'MirroringStatusOnMirror', 'mirroringStatusOnSecondary', 'MirroringStatusOnSecondary')),
      status: 'unknown',
    };
    const where = `${pool} ${databaseName}`;
    if (m.stateOnPrimary === NOT_MIRRORED && m.stateOnMirror === NOT_MIRRORED) m.status = 'not-mirrored';
    else if ([m.stateOnPrimary, m.stateOnMirror].every((s) => s !== null && ROLES.has(s))) {
      const statuses = [m.mirroringStatusOnPrimary, m.mirroringStatusOnMirror];
      if (statuses.every((s) => s !== null && s.toLowerCase() === 'synchronized')) m.status = 'synchronized';
      else {
        m.status = 'attention';
        findings.push({ code: 'MIRROR_NOT_SYNCHRONIZED', message: `${where}: mirroring status ${statuses.map((s) => s ?? 'missing').join(' / ')} (expected Synchronized on both sides)`, path: null, severity: 'error' });
      }
    } else {
      findings.push({ code: 'MIRROR_STATE_UNKNOWN', message: `${where}: state ${m.stateOnPrimary ?? 'missing'} / ${m.stateOnMirror ?? 'missing'} is not in the documented vocabulary (Principal, Mirror, ${NOT_MIRRORED}); verify on the server`, path: null, severity: 'warning' });
    }
    databases.push(m);
  }
  if (!databases.length) findings.push({ code: 'MIRROR_SHAPE', message: `${pool}: Get-CsDatabaseMirrorState returned no databases (got ${describe(raw)})`, path: null, severity: 'warning' });
  return { databases, findings };
}

export const mirrorStateCollector: Collector = {
  id: 'mirror-state',
  description: 'Get-CsDatabaseMirrorState for each pool: are mirrored back-end databases synchronized?',
  async run(raw, ctx) {
    const cfg = checkCollectorConfig('mirror-state', Config, raw);
    const observations: Observation[] = [];
    for (const pool of cfg.pools) {
      const types: (string | undefined)[] = cfg.databaseTypes ?? [undefined];
      const databases: MirrorState[] = [];
      const findings: Finding[] = [];
      let notSupported = false;
      let product: ReturnType<typeof reportedProduct> = null;
      for (const t of types) {
        try {
          const out = await ctx.bridge.run('database-mirror-state.ps1', t ? { PoolFqdn: pool, DatabaseType: t } : { PoolFqdn: pool });
          product ??= reportedProduct(out);
          const r = normaliseMirrorRows(pool, out);
          databases.push(...r.databases);
          // One "not supported" per pool, whatever the number of database types asked for.
          if (r.mirroring === 'not-supported') {
            if (!notSupported) findings.push(...r.findings);
            notSupported = true;
          } else findings.push(...r.findings);
        } catch (e) {
          findings.push(bridgeFailure('Get-CsDatabaseMirrorState', t ? `${pool} (${t})` : pool, e));
        }
      }
      const ok = findings.every((f) => f.severity !== 'error');
      const data = { ...(notSupported ? { databases, mirroring: 'not-supported' } : { databases }), ...productField(product) };
      observations.push({ kind: 'mirror-state', subject: pool, ok, lastGood: null, findings, data });
    }
    return { ok: observations.every((o) => o.ok), observations, findings: [] };
  },
};
