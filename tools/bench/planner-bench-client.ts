import { WebSocket } from 'ws';

/** Lean load client for the planner benchmark: pre-encoded report frames, ack matching by id, latency per report. */
export interface LoadClient {
  ws: WebSocket;
  inFlight: number;
  send(frame: string, id: string): void;
}

export interface LoadStats {
  acked: number;
  latencies: number[];
  errors: number;
}

export function reportFrame(agentId: string, id: string, at: string): string {
  return JSON.stringify({
    v: 1, id, type: 'report', sentAt: at, agentId,
    payload: {
      collector: 'file-store', startedAt: at, finishedAt: at, durationMs: 1200, ok: true, findings: [],
      observations: [{ kind: 'file-store', subject: `\\\\fs-${agentId}.contoso.test\\lyncshare`, lastGood: at, ok: true, findings: [], data: { files: 12, bytes: 123456 } }],
    },
  });
}

export function connectLoadClient(url: string, agentId: string, token: string | null, stats: LoadStats): Promise<LoadClient> {
  const ws = new WebSocket(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, perMessageDeflate: false });
  const started = new Map<string, number>();
  const client: LoadClient = {
    ws,
    inFlight: 0,
    send(frame, id) {
      started.set(id, performance.now());
      client.inFlight++;
      ws.send(frame);
    },
  };
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { type: string; id: string; payload: { id?: string; ref?: string } };
    // The planner answers `ack {id}`; an echo server sends the report itself back.
    const id = msg.type === 'ack' ? msg.payload.id : msg.type === 'report' ? msg.id : msg.type === 'error' ? msg.payload.ref : undefined;
    if (!id) return;
    const t0 = started.get(id);
    if (t0 === undefined) return;
    started.delete(id);
    client.inFlight--;
    if (msg.type === 'error') stats.errors++;
    else {
      stats.acked++;
      stats.latencies.push(performance.now() - t0);
    }
  });
  ws.on('error', () => stats.errors++);
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      // The planner takes reports only from collectors declared in a hello (an echo server ignores it).
      const at = new Date().toISOString();
      ws.send(JSON.stringify({ v: 1, id: `${agentId}-hello-0001`, type: 'hello', sentAt: at, agentId, payload: { version: 'bench', host: `${agentId}.contoso.test`, capabilities: ['file-store'] } }));
      resolve(client);
    });
    ws.once('error', reject);
  });
}
