import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { LyncdrError } from '@lyncdr/errors';

export interface ListenerDeps {
  host: string;
  port: number;
  /** Certificate and key (PEM) for https/wss. */
  tls: { cert: Buffer; key: Buffer } | null;
  onRequest: (req: IncomingMessage, res: ServerResponse) => void;
  onUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

export interface Listener {
  /** Listens; `base` is the planner's URL without a path, `ws` the same for WebSocket. */
  listen(): Promise<{ base: string; ws: string; port: number }>;
  close(): Promise<void>;
}

/** The planner's one HTTP(S) server: listens on the configured address and says why when it cannot. */
export function createListener(d: ListenerDeps): Listener {
  let server: Server;
  try {
    server = d.tls ? createHttpsServer({ cert: d.tls.cert, key: d.tls.key }, d.onRequest) : createHttpServer(d.onRequest);
  } catch (e) {
    throw new LyncdrError('E_CONFIG', `the TLS certificate or key is not usable: ${(e as Error).message}; give PEM files in tls.cert and tls.key`, { cause: e });
  }
  server.on('upgrade', d.onUpgrade);
  server.on('clientError', (_e, socket) => socket.destroy());
  return {
    async listen() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', (e: NodeJS.ErrnoException) => {
          const why = e.code === 'EADDRINUSE' ? 'is in use; pick another with --port (0 picks a free one)' : e.code === 'EACCES' ? 'needs more rights; use a port above 1024' : `cannot be opened (${e.message})`;
          reject(new LyncdrError('E_LISTEN', `${d.host}:${d.port} ${why}`, { cause: e }));
        });
        server.listen(d.port, d.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const { port } = server.address() as AddressInfo;
      const host = d.host.includes(':') ? `[${d.host}]` : d.host === '0.0.0.0' ? '127.0.0.1' : d.host;
      return { base: `${d.tls ? 'https' : 'http'}://${host}:${port}`, ws: `${d.tls ? 'wss' : 'ws'}://${host}:${port}`, port };
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
