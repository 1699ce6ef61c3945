import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRegularFile } from './read-regular-file';

const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const opts = (maxBytes: number) => ({ what: 'input', shown: 'x', maxBytes });

describe('readRegularFile', () => {
  it('reads a file of exactly the limit, refuses one byte more', async () => {
    const f = path.join(dir, 'ten');
    writeFileSync(f, '0123456789');
    expect((await readRegularFile(f, opts(10))).toString()).toBe('0123456789');
    await expect(readRegularFile(f, opts(9))).rejects.toMatchObject({ code: 'E_INPUT_TOO_LARGE' });
  });

  it.skipIf(!existsSync('/proc/self/status'))('enforces the limit while reading a file whose stat size is 0', async () => {
    // /proc files are regular files that stat as 0 bytes and yet hold text: only the read loop can catch them.
    await expect(readRegularFile('/proc/self/status', opts(16))).rejects.toMatchObject({ code: 'E_INPUT_TOO_LARGE' });
    expect((await readRegularFile('/proc/self/status', opts(1 << 20))).length).toBeGreaterThan(16);
  });

  it.skipIf(process.platform === 'win32')('refuses devices and folders with E_INPUT; a missing file says so', async () => {
    await expect(readRegularFile('/dev/zero', opts(1 << 20))).rejects.toMatchObject({ code: 'E_INPUT', message: expect.stringMatching(/not a regular file/) });
    await expect(readRegularFile(dir, opts(1 << 20))).rejects.toMatchObject({ code: 'E_INPUT', message: expect.stringMatching(/is a folder/) });
    await expect(readRegularFile(path.join(dir, 'none'), opts(1 << 20))).rejects.toMatchObject({ code: 'E_INPUT', message: expect.stringMatching(/no such file/) });
  });
});
