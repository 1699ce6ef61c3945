import { WebSocket } from 'ws';
import { decode, encode, envelope, type Envelope, type Payload } from '@lyncdr/protocol';

/**
 * A minimal protocol client (hello / report / heartbeat, waits for acks) used by the planner's tests, the demo and
 * the benchmark to simulate agents. The real agent lives in apps/agent.
 */
export interface SimAgent {
  readonly ws: WebSocket;
  readonly received: Envelope[];
  /** `capabilities`: the collector ids the agent offers (file-store by default). */
  hello(withToken?: boolean, capabilities?: string[]): void;
  /** Sends a report and resolves with its ack (or rejects on an error frame about it / on close). */
  report(id: string, payload?: Partial<Payload<'report'>>): Promise<Payload<'ack'>>;
  heartbeat(): void;
  sendRaw(data: string | Buffer): void;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export function sampleReport(at: Date, over: Partial<Payload<'report'>> = {}): Payload<'report'> {
  const t = at.toISOString();
  return {
    collector: 'file-store', startedAt: t, finishedAt: t, durationMs: 1200, ok: true, findings: [],
    observations: [{ kind: 'file-store', subject: '\\\\fs1.contoso.test\\lyncshare', itemId: 'filestore:\\\\fs1.contoso.test\\lyncshare', lastGood: t, ok: true, findings: [], data: { files: 12 } }],
    ...over,
  };
}

export function connectSimAgent(
  url: string,
  o: { agentId: string; token?: string; header?: boolean; now?: () => Date; ca?: Buffer; localAddress?: string },
): Promise<SimAgent> {
  const now = o.now ?? (() => new Date());
  const headers: Record<string, string> = o.header !== false && o.token ? { authorization: `Bearer ${o.token}` } : {};
  const ws = new WebSocket(url, { headers, perMessageDeflate: false, ...(o.ca ? { ca: o.ca } : {}), ...(o.localAddress ? { localAddress: o.localAddress } : {}) });
  const received: Envelope[] = [];
  const waiting = new Map<string, { resolve: (a: Payload<'ack'>) => void; reject: (e: Error) => void }>();
  let n = 0;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => {
      for (const w of waiting.values()) w.reject(new Error(`closed ${code} ${reason.toString()}`));
      waiting.clear();
      resolve({ code, reason: reason.toString() });
    });
  });
  ws.on('error', () => undefined);
  ws.on('message', (data) => {
    const env = decode(data as Buffer);
    received.push(env);
    if (env.type === 'ack') {
      const p = env.payload as Payload<'ack'>;
      waiting.get(p.id)?.resolve(p);
      waiting.delete(p.id);
    } else if (env.type === 'error') {
      const p = env.payload as Payload<'error'>;
      if (p.ref) {
        waiting.get(p.ref)?.reject(Object.assign(new Error(p.message), { code: p.code }));
        waiting.delete(p.ref);
      }
    }
  });
  const meta = (id?: string) => ({ id: id ?? `${o.agentId}-m-${++n}-${Date.now().toString(36)}`, agentId: o.agentId, sentAt: now().toISOString() });
  const agent: SimAgent = {
    ws,
    received,
    closed,
    hello(withToken = false, capabilities = ['file-store']) {
      ws.send(encode(envelope('hello', { version: '0.1.0', host: `${o.agentId}.contoso.test`, capabilities, ...(withToken && o.token ? { token: o.token } : {}) }, meta())));
    },
    report(id, payload = {}) {
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        ws.send(encode(envelope('report', sampleReport(now(), payload), meta(id))));
      });
    },
    heartbeat() {
      ws.send(encode(envelope('heartbeat', {}, meta())));
    },
    sendRaw(data) {
      ws.send(data);
    },
    close() {
      ws.close(1000, 'done');
    },
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(agent));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}
