/**
 * Generated file stores for the file-store rows: a share of N files laid out as REFERENCE §f.1 (service folders of a
 * Lync file store, 100 files per meeting folder, 200 B–4 KB each) and its backup copy with realistic differences:
 * 1% of the files missing from the copy, 1% older in the copy (an earlier version, mtime one day back), 0.1% changed
 * with the same size and mtime (found only by hashing), and 0.1% extra files in the copy. Generated once per size into
 * the temp folder (a READY marker) and reused by later runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface FileStoreData {
  root: string;
  source: string;
  backup: string;
  files: number;
  missing: number;
  older: number;
  sameSizeChanged: number;
  extra: number;
}

const FOLDERS = ['1-WebServices-1/CollabContent', '1-WebServices-1/CollabMetadata', '1-WebServices-1/DataConf', '1-ApplicationServer-1/AppServerFiles/RGS', '2-WebServices-1/CollabContent'];
const PER_DIR = 100;

function fileOf(base: string, i: number): string {
  return path.join(base, FOLDERS[i % FOLDERS.length]!, `m${Math.floor(i / PER_DIR / FOLDERS.length)}`, `f${i}.dat`);
}

function body(i: number, version: string): string {
  return `${i}:${version}:`.padEnd(200 + ((i * 7919) % 3800), 'x');
}

/** The share and its copy for `files` files (generated on first use, several minutes for 800k files). */
export function fileStoreData(files: number): FileStoreData {
  const root = path.join(tmpdir(), `lyncdr-bench-filestore-v2-${files}`);
  const source = path.join(root, 'share');
  const backup = path.join(root, 'copy');
  const step = (per: number) => Math.max(1, Math.round(files / per));
  const missing = [...Array(Math.ceil(files / step(files / 100))).keys()].map((k) => k * step(files / 100)).filter((i) => i < files);
  const older = missing.map((i) => i + 1).filter((i) => i < files);
  const changed = [...Array(Math.ceil(files / step(files / 1000))).keys()].map((k) => k * step(files / 1000) + 2).filter((i) => i < files && !missing.includes(i));
  const data: FileStoreData = { root, source, backup, files, missing: missing.length, older: older.length, sameSizeChanged: changed.length, extra: changed.length };
  if (existsSync(path.join(root, 'READY'))) return data;
  rmSync(root, { recursive: true, force: true });
  console.error(`  generating ${files} files in ${source} and its copy…`);
  const t = new Date('2026-01-01T00:00:00Z');
  for (let i = 0; i < files; i++) {
    const f = fileOf(source, i);
    if (Math.floor(i / FOLDERS.length) % PER_DIR === 0) mkdirSync(path.dirname(f), { recursive: true });
    writeFileSync(f, body(i, 'v2'));
    utimesSync(f, t, t);
  }
  execFileSync('cp', ['-a', source, backup]);
  const dayBefore = new Date(t.getTime() - 86_400_000);
  for (const i of missing) rmSync(fileOf(backup, i));
  for (const i of older) {
    writeFileSync(fileOf(backup, i), body(i, 'v1'));
    utimesSync(fileOf(backup, i), dayBefore, dayBefore);
  }
  for (const i of changed) {
    writeFileSync(fileOf(backup, i), body(i, 'v3'));
    utimesSync(fileOf(backup, i), t, t);
    const extra = fileOf(backup, i).replace(/\.dat$/, '.old');
    writeFileSync(extra, body(i, 'v0'));
    utimesSync(extra, t, t);
  }
  writeFileSync(path.join(root, 'READY'), JSON.stringify(data));
  return data;
}
