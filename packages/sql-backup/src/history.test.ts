import { describe, expect, it } from 'vitest';
import { SqlFindingCode } from './errors';
import { crossCheckHistory, type FileOnDisk, type HistoryBackup } from './history';

const h = (o: Partial<HistoryBackup> & Pick<HistoryBackup, 'type' | 'start' | 'backupSetGuid' | 'devices'>): HistoryBackup => ({
  server: 'SQLBE01\\RTC', database: 'LcsLog', finish: o.start, firstLsn: null, lastLsn: null, databaseBackupLsn: null, size: null, compressedSize: null, copyOnly: false, hasChecksums: true, ...o,
});
const f = (path: string, backupSetGuid: string, start: string): FileOnDisk => ({ path, backupSetGuid, start, database: 'LcsLog', server: 'SQLBE01\\RTC' });

const history = [
  h({ type: 'full', start: '2024-03-01T01:00:00Z', backupSetGuid: 'g-old-full', devices: ['\\\\bk\\sql\\old_full.bak'] }),
  h({ type: 'log', start: '2024-03-01T02:00:00Z', backupSetGuid: 'g-old-log', devices: ['\\\\bk\\sql\\old_log.trn'] }),
  h({ type: 'full', start: '2024-03-04T01:00:00Z', backupSetGuid: 'g-full', devices: ['\\\\bk\\sql\\full_1.bak', '\\\\bk\\sql\\full_2.bak'] }),
  h({ type: 'log', start: '2024-03-04T02:00:00Z', backupSetGuid: 'g-log1', devices: ['\\\\bk\\sql\\log1.trn'] }),
  h({ type: 'log', start: '2024-03-04T03:00:00Z', backupSetGuid: 'g-log2', devices: ['\\\\bk\\sql\\log2.trn'] }),
  h({ type: 'full', start: '2024-03-04T03:30:00Z', backupSetGuid: 'g-copy', devices: ['D:\\adhoc\\copy.bak'], copyOnly: true }),
];

describe('crossCheckHistory', () => {
  it('is silent when every needed backup has its file, matched by GUID or by file name', () => {
    const files = [f('/mnt/bk/full_1.bak', 'G-FULL', '2024-03-04T01:00:00Z'), f('/mnt/bk/full_2.bak', 'g-full', '2024-03-04T01:00:00Z'), f('/mnt/bk/LOG1.TRN', 'other-guid', '2024-03-04T02:00:00Z'), f('/mnt/bk/log2.trn', 'g-log2', '2024-03-04T03:00:00Z')];
    expect(crossCheckHistory(history, files)).toEqual([]);
  });

  it('names a backup msdb recorded whose file is gone (old ones before the latest full and copy-only ones are not needed)', () => {
    const files = [f('/mnt/bk/full_1.bak', 'g-full', '2024-03-04T01:00:00Z'), f('/mnt/bk/log1.trn', 'g-log1', '2024-03-04T02:00:00Z')];
    const r = crossCheckHistory(history, files);
    expect(r.map((x) => [x.code, x.file])).toEqual([[SqlFindingCode.historyFileMissing, '\\\\bk\\sql\\log2.trn']]);
    expect(r[0]!.message).toMatch(/msdb records a log backup started 2024-03-04T03:00:00Z/);
    expect(crossCheckHistory(history, files, { since: '2024-02-01T00:00:00Z' }).map((x) => x.file)).toEqual(['\\\\bk\\sql\\old_full.bak', '\\\\bk\\sql\\old_log.trn', '\\\\bk\\sql\\log2.trn']);
  });

  it('names a file msdb does not know, unless it is older than the history kept or of another database', () => {
    const files = [
      f('/mnt/bk/full_1.bak', 'g-full', '2024-03-04T01:00:00Z'),
      f('/mnt/bk/log1.trn', 'g-log1', '2024-03-04T02:00:00Z'),
      f('/mnt/bk/log2.trn', 'g-log2', '2024-03-04T03:00:00Z'),
      f('/mnt/bk/stranger.trn', 'g-stranger', '2024-03-04T04:00:00Z'),
      f('/mnt/bk/ancient.bak', 'g-ancient', '2023-01-01T00:00:00Z'),
      { ...f('/mnt/bk/other.bak', 'g-other', '2024-03-04T04:00:00Z'), database: 'LcsCDR' },
    ];
    expect(crossCheckHistory(history, files).map((x) => [x.code, x.file])).toEqual([[SqlFindingCode.historyUnknownFile, '/mnt/bk/stranger.trn']]);
  });
});
