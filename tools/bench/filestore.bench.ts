/**
 * File store, as an admin runs it: `lyncdr verify filestore <share> <copy> --json` (walk, merge, JSON output) against
 * `rsync -a -n --delete` of the same trees, at 200,000 and 800,000 files; `--hash all` against `sha256sum` of both
 * trees; and the agent's file-store collector (`lyncdr-agent run-once`) against rsync. Every side is a whole process,
 * interleaved. Data: filestore-data.ts (1% missing, 1% older, 0.1% same-size changes, 0.1% extra). Sizes can be
 * changed with LYNCDR_BENCH_FILES=200000,800000.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileStoreData, type FileStoreData } from './filestore-data';
import { entryCmd, measurePair, type Run } from './whole-process';
import type { Bench, RowResult, RowSpec } from './types';

const SIZES = (process.env.LYNCDR_BENCH_FILES ?? '200000,800000').split(',').map(Number);
/** Hashing reads every byte of both trees: a smaller tree keeps 12 interleaved runs within minutes on a busy machine. */
const HASH_FILES = Number(process.env.LYNCDR_BENCH_HASH_FILES ?? 50_000);
const rsync = { kind: 'process', entry: 'tool', label: 'rsync -a -n --delete' } as const;
const k = (n: number) => `${n / 1000}k`;

const rows: RowSpec[] = [
  ...SIZES.map((n): RowSpec => ({
    id: `compare-${k(n)}`,
    title: `compare ${n.toLocaleString('en')} files with their copy`,
    subject: { kind: 'process', entry: 'lyncdr-cli', label: 'lyncdr verify filestore --json' },
    peer: rsync,
    target: { text: '≤ 1.5× rsync, < 200 MB', ratioMax: 1.5, rssMaxMb: 200 },
  })),
  {
    id: `hash-${k(HASH_FILES)}`,
    title: `compare and hash every file (${HASH_FILES.toLocaleString('en')} files, both trees)`,
    subject: { kind: 'process', entry: 'lyncdr-cli', label: 'lyncdr verify filestore --hash all --json' },
    peer: { kind: 'process', entry: 'tool', label: 'find | xargs sha256sum (both trees)' },
    target: { text: '≥ 1.0× sha256sum (time ≤ 1.0×), < 200 MB', ratioMax: 1.0, rssMaxMb: 200 },
  },
  {
    id: `agent-${k(SIZES[0]!)}`,
    title: `agent file-store collector, ${SIZES[0]!.toLocaleString('en')} files`,
    subject: { kind: 'process', entry: 'agent-cli', label: 'lyncdr-agent run-once --collector file-store --json' },
    peer: rsync,
    target: { text: '≤ 1.5× rsync', ratioMax: 1.5 },
  },
];

/** Checks that the JSON counts what was generated (a fast wrong answer is not a result). */
function checkCounts(d: FileStoreData, hashed: boolean) {
  return (r: Run) => {
    const j = JSON.parse(r.stdout) as { totals: { missing: number; older: number; changed: number; extra: number }; findings: unknown[] };
    const t = j.totals;
    const changed = hashed ? d.sameSizeChanged : 0;
    if (t.missing !== d.missing || t.older !== d.older || t.changed !== changed || t.extra !== d.extra || j.findings.length !== d.missing + d.older + changed + d.extra) {
      throw new Error(`verify filestore counted ${JSON.stringify(t)} and ${j.findings.length} findings; generated ${JSON.stringify(d)}`);
    }
  };
}

/** Bytes in both trees (what sha256sum reads), MB. */
function hashedMb(d: FileStoreData): number {
  let bytes = 0;
  for (let i = 0; i < d.files; i++) bytes += 200 + ((i * 7919) % 3800);
  return (2 * bytes) / 1e6;
}

const bench: Bench = {
  id: 'filestore',
  description: `verify filestore at ${SIZES.map(k).join(' and ')} files vs rsync; --hash all vs sha256sum; the agent's collector`,
  rows,
  async run() {
    const out: RowResult[] = [];
    const rsyncOf = (d: FileStoreData) => ({ argv: ['rsync', '-a', '-n', '--delete', `${d.source}/`, `${d.backup}/`] });
    SIZES.forEach((n, i) => {
      const d = fileStoreData(n);
      out.push(measurePair(rows[i]!, entryCmd('lyncdr-cli', ['verify', 'filestore', d.source, d.backup, '--json'], { okCodes: [1] }), rsyncOf(d), { checkOurs: checkCounts(d, false) }));
    });
    const h = fileStoreData(HASH_FILES);
    const hash = measurePair(rows[SIZES.length]!, entryCmd('lyncdr-cli', ['verify', 'filestore', h.source, h.backup, '--hash', 'all', '--json'], { okCodes: [1] }),
      { argv: ['sh', '-c', 'find "$1" "$2" -type f -print0 | xargs -0 sha256sum > /dev/null', 'sh', h.source, h.backup] }, { checkOurs: checkCounts(h, true), note: `(${(hashedMb(h) / 1000).toFixed(2)} GB read)` });
    out.push(hash);
    const d = fileStoreData(SIZES[0]!);

    const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-bench-agent-'));
    try {
      // The planner URL is never dialled by run-once: the report goes to the outbox and stdout.
      writeFileSync(path.join(dir, 'agent.yaml'), [
        'agentId: bench', 'planner: { url: "ws://127.0.0.1:9/agent", token: "0123456789abcdef" }', 'outboxDir: outbox',
        'collectors:', `  file-store: { schedule: "0 * * * *", source: ${JSON.stringify(d.source)}, backup: ${JSON.stringify(d.backup)} }`, '',
      ].join('\n'));
      out.push(measurePair(rows[SIZES.length + 1]!, entryCmd('agent-cli', ['run-once', '--collector', 'file-store', '--config', 'agent.yaml', '--json'], { cwd: dir, okCodes: [1] }), rsyncOf(d), {
        before: () => rmSync(path.join(dir, 'outbox'), { recursive: true, force: true }),
      }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return out;
  },
};
export default bench;
