import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Logger } from '@lyncdr/logger';
import type { Store } from '@lyncdr/store';
import { addressKey } from './address-key';
import { CloseCode } from './close-codes';
import { handleConnection, type AgentConnection, type EndpointLimits } from './connection';
import type { ReportWriter } from './report-writer';
import { bearer, hashToken } from './tokens';

export interface AgentEndpointDeps {
  store: Store;
  writer: ReportWriter;
  limits: EndpointLimits & { maxConnections: number; unauthenticatedPerAddress: number; unauthenticatedTotal: number };
  now: () => Date;
  log: Logger;
  onReport: (agent: string, collector: string) => void;
  /** Called when a report is acked, with the seconds from the frame's arrival to the ack (the `/metrics` histogram). */
  onAck?: (seconds: number) => void;
  /** Tolerated clock skew of agents, in ms (planner config `ingest.clockSkewSeconds`). */
  clockSkewMs?: number;
}

export interface AgentEndpoint {
  /** Handles an HTTP upgrade on `/agent`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Sends `collect` to a connected agent; false when it is not connected. */
  collect(agent: string, collector: string): boolean;
  connected(): string[];
  close(): Promise<void>;
}

const REFUSED_LOG_MS = 10_000;

/**
 * The `/agent` WebSocket endpoint: one `ws` server in noServer mode on the planner's HTTP server.
 * Two budgets: authenticated agents (`maxConnections`), and sockets that have not authenticated yet (per remote
 * address and in all, closed after `helloTimeoutSeconds`). An agent with a valid token in its Authorization header
 * never counts against the second, so sockets that never authenticate cannot keep agents out.
 */
export function createAgentEndpoint(deps: AgentEndpointDeps): AgentEndpoint {
  const { limits } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes, perMessageDeflate: false });
  const byAgent = new Map<string, AgentConnection>();
  const pendingByAddress = new Map<string, number>();
  let pendingTotal = 0;
  let authenticated = 0;
  const refusedLog = new Map<string, { at: number; suppressed: number }>();

  const addPending = (key: string, n: number) => {
    pendingTotal += n;
    const left = (pendingByAddress.get(key) ?? 0) + n;
    if (left > 0) pendingByAddress.set(key, left);
    else pendingByAddress.delete(key);
  };

  /** Refuses an upgrade; logs at most once per reason every 10 s, with the count of refusals not logged. */
  const refuse = (socket: Duplex, status: string, reason: string, fields: Record<string, unknown>) => {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nRetry-After: 30\r\nContent-Length: 0\r\n\r\n`);
    const t = deps.now().getTime();
    const seen = refusedLog.get(reason);
    if (seen && t - seen.at < REFUSED_LOG_MS) {
      seen.suppressed++;
      return;
    }
    deps.log.warn('agent.refused', { reason, ...fields, ...(seen?.suppressed ? { suppressed: seen.suppressed } : {}) });
    refusedLog.set(reason, { at: t, suppressed: 0 });
  };

  const validAgentHeader = (req: IncomingMessage) => {
    const token = bearer(req.headers.authorization);
    const found = token ? deps.store.findByTokenHash(hashToken(token)) : null;
    return Boolean(found && found.role === 'agent' && !found.revokedAt);
  };

  wss.on('connection', (ws, req: IncomingMessage) => {
    const key = addressKey(req.socket.remoteAddress);
    let isAuthenticated = false;
    addPending(key, 1);
    ws.once('close', () => {
      if (isAuthenticated) authenticated--;
      else addPending(key, -1);
    });
    handleConnection(ws, req, {
      ...deps,
      onAuthenticated(name, conn) {
        if (authenticated >= limits.maxConnections) return false;
        addPending(key, -1);
        authenticated++;
        isAuthenticated = true;
        const previous = byAgent.get(name);
        byAgent.set(name, conn);
        if (previous && previous !== conn) previous.close(CloseCode.policy, 'replaced by a newer connection of the same agent');
        return true;
      },
      onGone(name, conn) {
        if (byAgent.get(name) === conn) byAgent.delete(name);
      },
    });
  });

  return {
    handleUpgrade(req, socket, head) {
      if (validAgentHeader(req)) {
        if (authenticated >= limits.maxConnections) return refuse(socket, '503 Service Unavailable', 'connection limit', { limit: limits.maxConnections });
      } else {
        const key = addressKey(req.socket.remoteAddress);
        if (pendingTotal >= limits.unauthenticatedTotal) {
          return refuse(socket, '503 Service Unavailable', 'unauthenticated limit', { limit: limits.unauthenticatedTotal });
        }
        if ((pendingByAddress.get(key) ?? 0) >= limits.unauthenticatedPerAddress) {
          return refuse(socket, '429 Too Many Requests', 'unauthenticated limit per address', { address: key, limit: limits.unauthenticatedPerAddress });
        }
      }
      // With no verifyClient, ws completes the upgrade synchronously: 'connection' runs before the next upgrade is checked.
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    collect(agent, collector) {
      const conn = byAgent.get(agent);
      if (!conn) return false;
      conn.send('collect', { collector });
      return true;
    },
    connected: () => [...byAgent.keys()].sort(),
    close() {
      for (const ws of wss.clients) ws.close(CloseCode.goingAway, 'planner shutting down');
      return new Promise((resolve) => {
        const t = setTimeout(() => {
          for (const ws of wss.clients) ws.terminate();
        }, 1000);
        wss.close(() => {
          clearTimeout(t);
          resolve();
        });
      });
    },
  };
}
