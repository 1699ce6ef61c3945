import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Observation } from '@lyncdr/protocol';

export interface DemoItem {
  id: string;
  name: string;
  frequency: { periodHours: number };
}

/** Folder name of an item: its id with every character outside [A-Za-z0-9._-] replaced. */
export const folderOf = (id: string) => id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);

/**
 * Writes sample backup folders for the demo, one per inventory item: most hold a recent backup file, one an old one
 * (it shows as late), one is empty (it shows as failed), so a newcomer sees every status.
 */
export function generateDemoFolders(root: string, items: readonly DemoItem[], now: Date): void {
  items.forEach((item, i) => {
    const dir = path.join(root, folderOf(item.id));
    mkdirSync(dir, { recursive: true });
    if (i === 2) return;
    const ageHours = i === 1 ? item.frequency.periodHours * 3 : Math.min(2, item.frequency.periodHours / 2);
    const at = new Date(now.getTime() - ageHours * 3_600_000);
    const file = path.join(dir, `backup-${at.toISOString().slice(0, 10)}.bak`);
    writeFileSync(file, `demo backup of ${item.name}\n`);
    utimesSync(file, at, at);
  });
}

/** Looks at the demo folders: the newest file is the last good backup; an empty folder is a failed check. */
export function observeDemoFolders(root: string, items: readonly DemoItem[]): Observation[] {
  return items.map((item) => {
    const dir = path.join(root, folderOf(item.id));
    let files: { name: string; mtime: Date; size: number }[] = [];
    try {
      files = readdirSync(dir).map((name) => {
        const st = statSync(path.join(dir, name));
        return { name, mtime: st.mtime, size: st.size };
      });
    } catch {
      files = [];
    }
    const newest = files.filter((f) => f.size > 0).sort((a, b) => b.mtime.getTime() - a.mtime.getTime())[0];
    return {
      kind: 'demo-folder', subject: dir, itemId: item.id, lastGood: newest ? newest.mtime.toISOString() : null, ok: Boolean(newest),
      findings: newest ? [] : [{ code: 'E_NO_BACKUP', message: 'no backup file in the folder', path: dir, severity: 'error' as const }],
      data: { files: files.length },
    };
  });
}
