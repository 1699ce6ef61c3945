import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Store } from '@lyncdr/store';
import type { Logger } from '../logger';
import { CloseCode } from './close-codes';
import { handleConnection, type AgentConnection, type EndpointLimits } from './connection';
import type { ReportWriter } from './report-writer';

export interface AgentEndpointDeps {
  store: Store;
  writer: ReportWriter;
  limits: EndpointLimits & { maxConnections: number };
  now: () => Date;
  log: Logger;
  onReport: (agent: string, collector: string) => void;
}

export interface AgentEndpoint {
  /** Handles an HTTP upgrade on `/agent`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Sends `collect` to a connected agent; false when it is not connected. */
  collect(agent: string, collector: string): boolean;
  connected(): string[];
  close(): Promise<void>;
}

/** The `/agent` WebSocket endpoint: one `ws` server in noServer mode on the planner's HTTP server. */
export function createAgentEndpoint(deps: AgentEndpointDeps): AgentEndpoint {
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.limits.maxFrameBytes, perMessageDeflate: false });
  const byAgent = new Map<string, AgentConnection>();

  wss.on('connection', (ws, req: IncomingMessage) => {
    handleConnection(ws, req, {
      ...deps,
      onAuthenticated(name, conn) {
        const previous = byAgent.get(name);
        byAgent.set(name, conn);
        if (previous && previous !== conn) previous.close(CloseCode.policy, 'replaced by a newer connection of the same agent');
      },
      onGone(name, conn) {
        if (byAgent.get(name) === conn) byAgent.delete(name);
      },
    });
  });

  return {
    handleUpgrade(req, socket, head) {
      if (wss.clients.size >= deps.limits.maxConnections) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 30\r\n\r\n');
        deps.log('agent.refused', { reason: 'connection limit', limit: deps.limits.maxConnections });
        return;
      }
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
