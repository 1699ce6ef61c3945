import WebSocket from 'ws';
import { decode, type Envelope } from '@lyncdr/protocol';
import { backoffDelay } from './backoff';
import type { Logger } from './logger';

export interface ConnectionOptions {
  url: string;
  token: string;
  logger: Logger;
  heartbeatMs: number;
  backoff: { initialMs: number; maxMs: number };
  random?: () => number;
  /** Called on each (re)connection, after the socket opens: send hello, then the outbox. */
  onOpen: () => void;
  onMessage: (env: Envelope) => void;
  /** Called every heartbeatMs while open: send a heartbeat. */
  onHeartbeat: () => void;
  /** Called when an open connection closes (before the retry is scheduled). */
  onClose?: () => void;
  /** The config key of this planner (`planner`, `planners.1`), for messages. */
  key?: string;
  maxFrameBytes?: number;
}

export interface Connection {
  start(): void;
  stop(): Promise<void>;
  send(frame: string): boolean;
  isOpen(): boolean;
}

/**
 * The agent's WebSocket client: connects to `ws(s)://<planner>/agent` with `Authorization: Bearer <token>`, reconnects
 * with exponential backoff and jitter, sends heartbeats, and drops a connection that stays silent for three heartbeat
 * periods (a half-open TCP link) so the next attempt starts. Frames from the planner are schema-checked by `decode`.
 */
export function createConnection(opts: ConnectionOptions): Connection {
  let ws: WebSocket | null = null;
  let stopped = true;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let beatTimer: NodeJS.Timeout | null = null;
  let lastHeard = 0;
  const maxFrame = opts.maxFrameBytes ?? 16 * 1024 * 1024;

  const scheduleRetry = () => {
    if (stopped || retryTimer) return;
    const delay = backoffDelay(attempt++, opts.backoff.initialMs, opts.backoff.maxMs, opts.random);
    opts.logger.info(`reconnecting in ${delay} ms`, { attempt });
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect();
    }, delay);
  };

  const connect = () => {
    if (stopped) return;
    const sock = new WebSocket(opts.url, { headers: { Authorization: `Bearer ${opts.token}` }, maxPayload: maxFrame, handshakeTimeout: 15_000 });
    ws = sock;
    sock.on('open', () => {
      attempt = 0;
      lastHeard = Date.now();
      opts.logger.info(`connected to ${opts.url}`);
      beatTimer = setInterval(() => {
        if (Date.now() - lastHeard > 3 * opts.heartbeatMs) {
          opts.logger.warn('planner silent for three heartbeats; reconnecting');
          sock.terminate();
          return;
        }
        sock.ping();
        opts.onHeartbeat();
      }, opts.heartbeatMs);
      opts.onOpen();
    });
    sock.on('pong', () => (lastHeard = Date.now()));
    sock.on('message', (data: WebSocket.RawData) => {
      lastHeard = Date.now();
      try {
        opts.onMessage(decode(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer), maxFrame));
      } catch (e) {
        opts.logger.warn(`ignored a frame from the planner: ${(e as Error).message}`);
      }
    });
    sock.on('error', (e) => opts.logger.warn(`connection error: ${e.message}`));
    sock.on('close', (code, reason) => {
      const wasOpen = beatTimer !== null;
      if (beatTimer) clearInterval(beatTimer);
      beatTimer = null;
      if (ws === sock) ws = null;
      if (wasOpen) opts.onClose?.();
      if (code === 1008) opts.logger.error(`the planner refused this agent (${reason.toString() || 'policy'}); check ${opts.key ?? 'planner'}.token`);
      else if (!stopped) opts.logger.warn(`disconnected (${code}${reason.length ? ' ' + reason.toString() : ''})`);
      scheduleRetry();
    });
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      connect();
    },
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      const sock = ws;
      if (!sock) return;
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          sock.terminate();
          resolve();
        }, 2000);
        sock.once('close', () => {
          clearTimeout(t);
          resolve();
        });
        if (sock.readyState === WebSocket.CONNECTING) sock.terminate();
        else sock.close(1001, 'agent stopping');
      });
    },
    send(frame) {
      if (!ws || ws.readyState !== WebSocket.OPEN) return false;
      ws.send(frame);
      return true;
    },
    isOpen: () => !!ws && ws.readyState === WebSocket.OPEN,
  };
}
