import type { ServerResponse } from 'node:http';

/** A server-sent event the dashboard listens to: a new report stored, a new evaluation, an agent command sent, a run changed. */
export interface DashboardEvent {
  type: 'report' | 'status' | 'collect' | 'run';
  data: Record<string, unknown>;
}

export interface EventHub {
  publish(type: DashboardEvent['type'], data: Record<string, unknown>): void;
  /** Streams events to one HTTP response (text/event-stream) until the client goes away or the hub closes. */
  attach(res: ServerResponse): void;
  readonly clients: number;
  close(): void;
}

/** Bytes a stream may have waiting to be sent; a consumer that falls further behind is cut off (it reconnects). */
export const MAX_EVENT_BACKLOG_BYTES = 256 * 1024;

/**
 * Fans planner events out to the browsers that hold `GET /api/events` open; a comment every `keepAliveMs`.
 * Honours backpressure: nothing is buffered for a slow consumer beyond `maxBacklogBytes`; it is closed instead.
 */
export function createEventHub(deps: { keepAliveMs?: number; maxBacklogBytes?: number } = {}): EventHub {
  const clients = new Set<ServerResponse>();
  const maxBacklog = deps.maxBacklogBytes ?? MAX_EVENT_BACKLOG_BYTES;
  let seq = 0;
  const send = (res: ServerResponse, text: string) => {
    if (res.writableLength + text.length > maxBacklog) {
      clients.delete(res);
      res.destroy();
      return;
    }
    res.write(text);
  };
  const keepAlive = setInterval(() => {
    for (const res of clients) send(res, ': keep-alive\n\n');
  }, deps.keepAliveMs ?? 20_000);
  keepAlive.unref();
  return {
    publish(type, data) {
      if (!clients.size) return;
      const frame = `id: ${++seq}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const res of clients) send(res, frame);
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
