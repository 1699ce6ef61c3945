import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '@lyncdr/protocol';
import { kindFromName } from './verify-export';
import type { ExportKind } from './kinds';

export interface Candidate {
  file: string;
  kind: ExportKind;
  mtimeMs: number;
}

/** Finds candidate export files in the backup folders by name pattern (a few levels deep), newest first per kind. */
export async function discoverExports(
  folders: string[],
  patterns: Partial<Record<ExportKind, string[]>>,
  maxDepth: number,
  onFinding: (f: Finding) => void,
): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      onFinding({ code: 'EXPORT_FOLDER_UNREADABLE', message: `cannot read backup folder ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, path: dir, severity: 'error' });
      return;
    }
    for (const d of entries) {
      const full = path.join(dir, d.name);
      if (d.isDirectory() && depth < maxDepth) await visit(full, depth + 1);
      else if (d.isFile()) {
        const kind = kindFromName(d.name, patterns);
        if (!kind) continue;
        try {
          out.push({ file: full, kind, mtimeMs: (await stat(full)).mtimeMs });
        } catch {
          /* vanished between listing and stat */
        }
      }
    }
  };
  for (const f of folders) await visit(f, 0);
  return out.sort((a, b) => b.mtimeMs - a.mtimeMs);
}
