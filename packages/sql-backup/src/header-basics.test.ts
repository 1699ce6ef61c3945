import { describe, expect, it } from 'vitest';
import { ByteView } from './bytes';
import { compareLsn, readLsn, splitLsn } from './lsn';
import { encodeMtfDate, mtfDateToIso, readMtfDate } from './mtf-date';

describe('LSN', () => {
  it('prints the 10-byte LSN as RESTORE HEADERONLY does (vlf·10^15 + block·10^5 + slot)', () => {
    // reference/sql-backup-format.md §1: bytes 15000000 9f000000 2500 = 21:159:37 = 21000000015900037
    const v = new ByteView(Uint8Array.from([0x15, 0, 0, 0, 0x9f, 0, 0, 0, 0x25, 0]));
    expect(readLsn(v, 0)).toBe('21000000015900037');
    expect(splitLsn('21000000015900037')).toEqual({ vlf: 21, block: 159, slot: 37 });
  });

  it('prints small and large VLF numbers alike (exact below and above 2^53)', () => {
    const lsn = (vlf: number, block: number, slot: number) => {
      const b = new Uint8Array(10);
      const d = new DataView(b.buffer);
      d.setUint32(0, vlf, true);
      d.setUint32(4, block, true);
      d.setUint16(8, slot, true);
      return readLsn(new ByteView(b), 0);
    };
    expect(lsn(0, 123, 4)).toBe('12300004');
    expect(lsn(8, 4294967295, 65535)).toBe((8n * 10n ** 15n + 4294967295n * 10n ** 5n + 65535n).toString());
    expect(lsn(9, 1, 1)).toBe('9000000000100001');
    expect(lsn(4294967295, 4294967295, 65535)).toBe((4294967295n * 10n ** 15n + 4294967295n * 10n ** 5n + 65535n).toString());
  });

  it('compares LSNs beyond 2^53 exactly', () => {
    expect(compareLsn('4294967295000000000000001', '4294967295000000000000000')).toBe(1);
    expect(compareLsn('21000000015900037', '21000000015900037')).toBe(0);
    expect(compareLsn('9', '10')).toBe(-1);
  });
});

describe('MTF DATE_TIME', () => {
  it('round-trips and prints ISO 8601 with the file zone', () => {
    const d = { year: 2017, month: 6, day: 1, hour: 13, minute: 29, second: 13 };
    const v = new ByteView(encodeMtfDate(d));
    const back = readMtfDate(v, 0)!;
    expect(back).toEqual(d);
    expect(mtfDateToIso(back, 120)).toBe('2017-06-01T13:29:13+02:00');
    expect(mtfDateToIso(back, 0)).toBe('2017-06-01T13:29:13Z');
    expect(mtfDateToIso(back, -330)).toBe('2017-06-01T13:29:13-05:30');
    expect(mtfDateToIso(back, null)).toBe('2017-06-01T13:29:13');
  });

  it('reads all-zero and impossible dates as "not set"', () => {
    expect(readMtfDate(new ByteView(new Uint8Array(5)), 0)).toBeNull();
    expect(readMtfDate(new ByteView(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff])), 0)).toBeNull();
  });

  it('refuses to read past the buffer', () => {
    expect(() => readMtfDate(new ByteView(new Uint8Array(3)), 0)).toThrow(/outside the 3 header bytes/);
  });
});
