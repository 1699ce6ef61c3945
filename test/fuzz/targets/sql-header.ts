import type { SyncByteSource } from '../../../packages/sql-backup/src/index';
import { readBackupHeaderSync } from '../../../packages/sql-backup/src/index';
import { buildSyntheticBackup, databaseHistory } from '../../../packages/sql-backup/src/testing/synthetic-backup';
import { mutatedDocument } from '../harness/mutate';
import type { FuzzTarget } from '../harness/target';

/** A whole backup file image: head at 0, tail at the end, zeros between (as the sparse synthetic files). */
function image(spec: Parameters<typeof buildSyntheticBackup>[0]): Uint8Array {
  const { head, tail, size } = buildSyntheticBackup(spec);
  const out = new Uint8Array(size);
  out.set(head, 0);
  out.set(tail, size - tail.length);
  return out;
}

const history = databaseHistory({ database: 'rtcxds', server: 'sql01.contoso.example\\rtc', days: 1, logMinutes: 360 });
const seeds = [
  ...history.slice(0, 4).map((s) => image({ ...s, size: 20 * 1024 })),
  image({ ...history[0]!, size: 40 * 1024, mediaPassword: true, compressed: true, zone: -20 }),
  image({ ...history[1]!, size: 24 * 1024, backupSetPassword: true, family: { mediaSetId: history[1]!.backupSetGuid, sequence: 2, count: 3 } }),
];

/** A file in memory, read through the same bounded reads as a file on disk. */
const memorySource = (b: Uint8Array): SyncByteSource => ({
  size: () => b.length,
  read(offset, length, into) {
    const part = b.subarray(Math.min(offset, b.length), Math.min(b.length, offset + length));
    if (!into) return part.slice();
    into.set(part);
    return into.subarray(0, part.length);
  },
  close() {},
});

/** The SQL Server backup header reader (MTF descriptor blocks, SCIN record) on damaged backup files. */
export const target: FuzzTarget = {
  name: 'sql-header',
  input: mutatedDocument(seeds, {
    tokens: ['TAPE', 'SSET', 'VOLB', 'MSCI', 'MQCI', 'MSLS', 'ESET', 'TSMP', 'SFMB', 'SPAD', 'RAID', 'SCIN', '\u0000\u0000\u0000\u0000'],
    nesting: [['MQCI', ''], ['TAPE', '']],
  }),
  run: (bytes) => readBackupHeaderSync(memorySource(bytes)),
};
