import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { checkZip } from './check-zip';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-bigzip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a sparse zip holding one stored entry of `size` zero bytes, without writing the zeros. */
function sparseZip(file: string, name: string, size: number, crc: number): void {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(size, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(n.length, 26);
  const cd = Buffer.alloc(46);
  cd.writeUInt32LE(0x02014b50, 0);
  cd.writeUInt16LE(20, 4);
  cd.writeUInt16LE(20, 6);
  cd.writeUInt32LE(crc, 16);
  cd.writeUInt32LE(size, 20);
  cd.writeUInt32LE(size, 24);
  cd.writeUInt16LE(n.length, 28);
  const cdOffset = 30 + n.length + size;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + n.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  const fd = openSync(file, 'w');
  writeSync(fd, Buffer.concat([local, n]), 0, 30 + n.length, 0);
  writeSync(fd, Buffer.concat([cd, n, eocd]), 0, 46 + n.length + 22, cdOffset);
  closeSync(fd);
}

describe('a 2 GB export', () => {
  it('is checked entry by entry in bounded memory', async () => {
    const size = 2 * 1024 ** 3 + 12345;
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    let crc = 0;
    for (let left = size; left > 0; left -= zeros.length) crc = crc32(zeros.subarray(0, Math.min(left, zeros.length)), crc);
    const file = path.join(dir, 'CsUserData-big.zip');
    sparseZip(file, 'DocItemSet.bin', size, crc >>> 0);
    const before = process.memoryUsage().rss;
    const r = await checkZip(file);
    expect(r.findings).toEqual([]);
    expect(r.entries).toEqual([{ name: 'DocItemSet.bin', size, compressedSize: size, ok: true, code: null }]);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);
});
