import type Database from 'better-sqlite3';
import type { GeneratedDocument } from './types';

interface Row { at: string; kind: string; name: string; lang: string; format: string; fingerprint: string }

/** The documents the planner generated (worksheets, runbooks, plans), each with the topology fingerprint it was made from. */
export function createDocumentsRepo(db: Database.Database) {
  const insert = db.prepare('INSERT INTO documents_generated (at, kind, name, lang, format, fingerprint) VALUES (?, ?, ?, ?, ?, ?)');
  // The newest row of each (kind, name, lang): the document a reader most likely has on paper.
  const newest = db.prepare(`SELECT d.at, d.kind, d.name, d.lang, d.format, d.fingerprint FROM documents_generated d
    JOIN (SELECT max(seq) AS seq FROM documents_generated GROUP BY kind, name, lang) n ON n.seq = d.seq
    ORDER BY d.kind, d.name, d.lang`);
  return {
    recordDocument(d: GeneratedDocument): void {
      insert.run(d.at, d.kind, d.name, d.lang, d.format, d.fingerprint);
    },
    lastDocuments: (): GeneratedDocument[] => newest.all() as Row[],
  };
}
