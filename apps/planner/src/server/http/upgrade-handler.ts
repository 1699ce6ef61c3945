import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '@lyncdr/logger';
import { truncateUtf8 } from '@lyncdr/protocol';

type Upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * HTTP upgrades: `/agent` goes to the agents' WebSocket endpoint (or, with `route`, the endpoint it names for the
 * path: several deployments), anything else is a 404. A malformed target is a 400, and an unexpected error closes
 * this socket only (logged); it never reaches the process.
 */
export function createUpgradeHandler(d: { agent?: Upgrade; route?: (pathname: string) => Upgrade | null; log: Logger }) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    try {
      let pathname: string | null = null;
      try {
        pathname = new URL(req.url ?? '/', 'http://planner').pathname;
      } catch {
        socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const agent = d.route ? d.route(pathname) : pathname === '/agent' ? (d.agent ?? null) : null;
      if (!agent) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      agent(req, socket, head);
    } catch (e) {
      d.log.error('agent.upgrade_error', { path: truncateUtf8(req.url ?? '', 200), error: truncateUtf8(String((e as Error)?.message ?? e), 300) });
      socket.destroy();
    }
  };
}
