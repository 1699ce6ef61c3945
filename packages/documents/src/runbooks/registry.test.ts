import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRunbooks, backupRestoreRunbooks, findRunbook } from './registry';

const reference = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/reference/docs-en');

describe('runbook registry', () => {
  it('lists the backup and restore runbooks by short kebab-case ids, each once', () => {
    const ids = allRunbooks().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(backupRestoreRunbooks.map((r) => r.id)).toEqual([
      'backup-service',
      'backup',
      'restore-standard-edition',
      'restore-cms',
      'restore-back-end',
      'restore-mirror-primary',
      'restore-mirror',
      'restore-member',
      'restore-pool',
      'restore-file-store',
      'restore-monitoring-archiving',
      'restore-persistent-chat',
      'restore-response-group',
    ]);
  });

  it('finds a runbook by id, ignoring case and spaces, and returns null for an unknown id', () => {
    expect(findRunbook(' Restore-CMS ')?.id).toBe('restore-cms');
    expect(findRunbook('restore-everything')).toBeNull();
  });

  it('titles every runbook in French with Microsoft’s terms (restauration = restore)', () => {
    for (const r of backupRestoreRunbooks.filter((x) => x.id.startsWith('restore-'))) expect(r.title.fr).toMatch(/^Restauration /);
    expect(findRunbook('backup-service')!.title.fr).toBe('Configurer et surveiller le service de sauvegarde');
  });

  it.skipIf(!existsSync(reference))('cites reference pages that exist', () => {
    for (const r of backupRestoreRunbooks) {
      expect(r.refs.length, r.id).toBeGreaterThan(0);
      for (const ref of r.refs) expect(existsSync(path.join(reference, ref)), `${r.id}: ${ref}`).toBe(true);
    }
  });
});
