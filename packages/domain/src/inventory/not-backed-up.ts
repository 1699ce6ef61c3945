import { sqlName, type Topology } from '@lyncdr/topology';
import type { NoBackupItem } from './model';
import { NO_BACKUP_DATABASES } from './database-names';
import { REF } from './refs';
import { databaseRemovedBy, poolRemovedBy } from './versions';

/**
 * What needs no backup, with the reason: the transient and re-creatable databases of every store
 * [lync-server-2013-backup-and-restoration-worksheets.md], Rtcdyn always (the worksheet lists it for every deployment),
 * and the pools whose configuration lives in the Central Management store (Edge, Director, Mediation…)
 * [lync-server-2013-restoring-an-enterprise-edition-member-server.md]. Nothing of a role the pool's version lacks
 * (versions.ts: Persistent Chat in Skype for Business Server 2019).
 */
export function notBackedUpItems(t: Topology): NoBackupItem[] {
  const out: NoBackupItem[] = [];
  const seen = new Set<string>();
  for (const store of t.sqlStores) {
    const dbs = store.databases.length ? store.databases : store.kind === 'PersistentChatCompliance' ? ['mgccomp'] : [];
    for (const db of dbs) {
      const rule = NO_BACKUP_DATABASES.get(db.toLowerCase());
      if (!rule || databaseRemovedBy(t, store.pools, db)) continue;
      const host = sqlName(store);
      const key = `${db.toLowerCase()}@${host}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ name: db, key: db.toLowerCase(), host, scopeRef: store.id, reason: rule.reason, ref: rule.ref });
    }
  }
  if (!out.some((i) => i.key === 'rtcdyn')) {
    const r = NO_BACKUP_DATABASES.get('rtcdyn')!;
    out.unshift({ name: r.name, key: 'rtcdyn', host: null, scopeRef: 'global', reason: r.reason, ref: r.ref });
  }
  for (const pool of t.pools) {
    if (['Edge', 'Director', 'Mediation', 'PersistentChat'].includes(pool.kind) && !poolRemovedBy(t, pool.fqdn, pool.kind)) {
      out.push({
        name: `${pool.kind} pool configuration`,
        key: 'pool-config',
        host: pool.fqdn,
        scopeRef: pool.fqdn,
        reason:
          pool.kind === 'Edge'
            ? 'configuration comes from the Central Management store (Export-CsConfiguration); a rebuilt Edge Server imports that file with Import-CsConfiguration -LocalStore'
            : 'configuration comes from the Central Management store (Export-CsConfiguration); members are rebuilt with the Deployment Wizard',
        ref: REF.restoreMember,
      });
    }
  }
  return out;
}
