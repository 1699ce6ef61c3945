import { decode, encode, envelope } from '../../../packages/protocol/src/index';
import { sampleReport } from '../../../apps/planner/src/testing/sim-agent';
import { mutatedDocument } from '../harness/mutate';
import type { FuzzTarget } from '../harness/target';
import { jsonDictionary } from './seeds';

const meta = (n: number) => ({ id: `fe1-m-${n}-abcdef`, agentId: 'fe1', sentAt: '2026-12-03T08:00:00.000Z' });
const enc = new TextEncoder();
const at = new Date('2026-12-03T08:00:00Z');
const seeds = [
  encode(envelope('hello', { version: '0.1.0', host: 'fe1.contoso.test', capabilities: ['file-store', 'sql-history'], token: 'tok-0123456789' }, meta(1))),
  encode(envelope('report', sampleReport(at), meta(2))),
  encode(envelope('report', sampleReport(at, { ok: false, findings: [{ code: 'E_X', message: 'missing', path: '\\\\fs1\\share', severity: 'warning' }] }), meta(3))),
  encode(envelope('heartbeat', { outboxDepth: 3 }, meta(4))),
  encode(envelope('ack', { id: 'rep-000001', duplicate: false }, meta(5))),
  encode(envelope('error', { code: 'E_RATE', message: 'slow down', ref: 'rep-000001' }, meta(6))),
  encode(envelope('collect', { collector: 'file-store' }, meta(7))),
  encode(envelope('config', { settings: { collectors: { 'file-store': { roots: ['\\\\fs1\\share'] } } } }, meta(8))),
].map((s) => enc.encode(s));

/** The agent⇄planner frame decoder (JSON, version, envelope and payload schemas). */
export const target: FuzzTarget = {
  name: 'protocol',
  input: mutatedDocument(seeds, { tokens: [...jsonDictionary.tokens, '"v":', '"v":2', '"type":"report"', '"payload":', '"sentAt":"9999-12-31T23:59:59Z"'], nesting: jsonDictionary.nesting }),
  run: (bytes) => decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
};
