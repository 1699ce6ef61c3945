import { describe, expect, it } from 'vitest';
import { decode, encode, envelope, MAX_ERROR_MESSAGE, MAX_PROTOCOL_MESSAGE, PROTOCOL_CODES, ProtocolError, ProtocolErrorCode } from './index';

const meta = { id: 'rep-0001-abcdef', agentId: 'fe1', sentAt: '2026-11-22T10:00:00.000Z' };

describe('protocol codec', () => {
  it('round-trips a report', () => {
    const env = envelope('report', {
      collector: 'file-store', startedAt: meta.sentAt, finishedAt: meta.sentAt, durationMs: 5, ok: true,
      observations: [{ kind: 'file-store', subject: '\\\\fs\\share', ok: true, findings: [], data: { files: 3 } }], findings: [],
    }, meta);
    const back = decode(encode(env));
    expect(back.type).toBe('report');
    expect(back.payload).toMatchObject({ collector: 'file-store', observations: [{ data: { files: 3 } }] });
  });

  it.each([
    ['not json', '{', 'E_PROTOCOL_JSON'],
    ['wrong version', JSON.stringify({ ...meta, v: 9, type: 'heartbeat', payload: {} }), 'E_PROTOCOL_VERSION'],
    ['unknown type', JSON.stringify({ ...meta, v: 1, type: 'nope', payload: {} }), 'E_PROTOCOL_SCHEMA'],
    ['bad payload', JSON.stringify({ ...meta, v: 1, type: 'collect', payload: { collector: '' } }), 'E_PROTOCOL_SCHEMA'],
  ])('rejects %s with a stable code', (_name, frame, code) => {
    expect(() => decode(frame)).toThrow(ProtocolError);
    try { decode(frame); } catch (e) { expect((e as ProtocolError).code).toBe(code); }
  });

  it('rejects an oversized frame before parsing it', () => {
    expect(() => decode('x'.repeat(100), 10)).toThrow(/exceeds the 10-byte limit/);
  });

  it('keeps every message bounded whatever the frame holds (no echo of peer text)', () => {
    const big = 'V'.repeat(900_000);
    for (const frame of [
      JSON.stringify({ v: big }),
      JSON.stringify({ ...meta, v: 1, type: 'report', payload: { [big]: 1 } }),
      JSON.stringify({ ...meta, v: 1, type: 'hello', payload: { version: big, host: 'h', capabilities: [] } }),
      JSON.stringify({ ...meta, v: 1, type: 'error', payload: { code: big, message: 'm' } }),
      JSON.stringify({ ...meta, v: 1, type: 'config', payload: { settings: { [big]: 1 } } }),
      JSON.stringify({ ...meta, agentId: big, v: 1, type: 'heartbeat', payload: {} }),
    ]) {
      let message = '';
      try { decode(frame); } catch (e) { message = (e as ProtocolError).message; }
      expect(message).not.toBe('');
      expect(Buffer.byteLength(message)).toBeLessThanOrEqual(MAX_PROTOCOL_MESSAGE);
      expect(message).not.toContain('V'.repeat(100));
    }
  });

  it('caps every text field of the error frame', () => {
    const ok = { ...meta, v: 1, type: 'error', payload: { code: 'E_X', message: 'm'.repeat(MAX_ERROR_MESSAGE) } };
    expect(decode(JSON.stringify(ok)).type).toBe('error');
    const long = decode(JSON.stringify({ ...ok, payload: { code: 'E_X', message: 'm'.repeat(900_000) } }));
    expect(Buffer.byteLength((long.payload as { message: string }).message)).toBeLessThanOrEqual(MAX_ERROR_MESSAGE);
    expect(() => decode(JSON.stringify({ ...ok, payload: { code: 'E'.repeat(65), message: 'm' } }))).toThrow(/error.payload.code/);
  });
});

describe('protocol codes', () => {
  it('are the closed table ProtocolError takes, each with a one-line meaning', () => {
    for (const [code, meaning] of Object.entries(PROTOCOL_CODES)) {
      expect(code).toMatch(/^E_PROTOCOL(_[A-Z0-9]+)*$/);
      expect(meaning).toMatch(/^[A-Z].*\.$/);
    }
    for (const code of Object.values(ProtocolErrorCode)) expect(PROTOCOL_CODES).toHaveProperty(code);
    expect(new ProtocolError('E_PROTOCOL_SIZE', 'x').code).toBe('E_PROTOCOL_SIZE');
    // @ts-expect-error a general error code is not a wire code
    expect(new ProtocolError('E_INPUT', 'x')).toBeInstanceOf(ProtocolError);
  });
});
