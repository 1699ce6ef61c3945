import type { ServerResponse } from 'node:http';

/** A server-sent event the dashboard listens to: a new report stored, a new evaluation, an agent command sent. */
export interface DashboardEvent {
  type: 'report' | 'status' | 'collect';
  data: Record<string, unknown>;
}

export interface EventHub {
  publish(type: DashboardEvent['type'], data: Record<string, unknown>): void;
  /** Streams events to one HTTP response (text/event-stream) until the client goes away or the hub closes. */
  attach(res: ServerResponse): void;
  readonly clients: number;
  close(): void;
}

/** Fans planner events out to the browsers that hold `GET /api/events` open; a comment every `keepAliveMs`. */
export function createEventHub(deps: { keepAliveMs?: number } = {}): EventHub {
  const clients = new Set<ServerResponse>();
  let seq = 0;
  const keepAlive = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, deps.keepAliveMs ?? 20_000);
  keepAlive.unref();
  return {
    publish(type, data) {
      if (!clients.size) return;
      const frame = `id: ${++seq}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const res of clients) res.write(frame);
    },
    attach(res) {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write(': connected\n\n');
      clients.add(res);
      res.on('close', () => clients.delete(res));
    },
    get clients() {
      return clients.size;
    },
    close() {
      clearInterval(keepAlive);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
