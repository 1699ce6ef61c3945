import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { decode, encode, envelope, type Envelope, type MessageType, type Payload, type ProtocolError } from '@lyncdr/protocol';
import type { AgentRecord, Store } from '@lyncdr/store';
import type { Logger } from '../logger';
import { CloseCode, closeReason } from './close-codes';
import { createTokenBucket } from './rate-limit';
import type { ReportWriter } from './report-writer';
import { bearer, hashToken } from './tokens';

export interface EndpointLimits {
  maxFrameBytes: number;
  reportsPerMinute: number;
  burst: number;
  idleTimeoutSeconds: number;
  helloTimeoutSeconds: number;
}

export interface ConnectionDeps {
  store: Store;
  writer: ReportWriter;
  limits: EndpointLimits;
  now: () => Date;
  log: Logger;
  /** Called when an agent authenticates (to register it for `collect`), and when it goes. */
  onAuthenticated: (name: string, conn: AgentConnection) => void;
  onGone: (name: string, conn: AgentConnection) => void;
  /** Called after a new (non-duplicate) report was committed and acked. */
  onReport: (agent: string, collector: string) => void;
}

export interface AgentConnection {
  send<T extends MessageType>(type: T, payload: Payload<T>): void;
  close(code: number, reason: string): void;
  readonly agent: string | null;
}

const HEARTBEAT_TOUCH_MS = 30_000;

/** One agent's socket: authentication (header or hello), schema check of every frame, rate limit, idle timeout, ack. */
export function handleConnection(ws: WebSocket, req: IncomingMessage, deps: ConnectionDeps): AgentConnection {
  const { store, writer, limits, now, log } = deps;
  const peer = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
  const bucket = createTokenBucket(limits.reportsPerMinute, limits.burst, () => now().getTime());
  let agent: AgentRecord | null = null;
  let closed = false;
  let lastTouch = 0;
  let limited = 0;

  const conn: AgentConnection = {
    send(type, payload) {
      if (closed || !agent) return;
      ws.send(encode(envelope(type, payload, { id: `p-${randomUUID()}`, agentId: agent.name, sentAt: now().toISOString() })));
    },
    close(code, reason) {
      if (closed) return;
      closed = true;
      clearTimeout(idle);
      log('agent.closed', { agent: agent?.name, peer, code, reason });
      ws.close(code, closeReason(reason));
      // A peer that does not answer the close handshake is cut off.
      setTimeout(() => ws.terminate(), 2000).unref();
    },
    get agent() {
      return agent?.name ?? null;
    },
  };

  let idle = setTimeout(() => conn.close(CloseCode.policy, 'no token: send it as Authorization: Bearer or in the hello frame'), limits.helloTimeoutSeconds * 1000);
  const resetIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => conn.close(CloseCode.policy, `idle for ${limits.idleTimeoutSeconds} s without a heartbeat`), limits.idleTimeoutSeconds * 1000);
  };

  const authenticate = (token: string, how: string): boolean => {
    const found = store.findByTokenHash(hashToken(token));
    if (!found || found.role !== 'agent') {
      conn.close(CloseCode.policy, 'unknown token: register the agent with `lyncdr agents add <name>`');
      return false;
    }
    if (found.revokedAt) {
      conn.close(CloseCode.policy, `token of agent ${found.name} was revoked; issue a new one with lyncdr agents add`);
      return false;
    }
    agent = found;
    resetIdle();
    log('agent.connected', { agent: found.name, peer, auth: how });
    deps.onAuthenticated(found.name, conn);
    return true;
  };

  const sendError = (code: string, message: string, ref?: string) => {
    if (agent && !closed) conn.send('error', { code, message, ...(ref ? { ref } : {}) });
  };

  const onReport = (env: Envelope<'report'>, raw: string) => {
    if (!bucket.take()) {
      limited++;
      sendError('E_RATE_LIMIT', `over ${limits.reportsPerMinute} reports per minute; keep it in the outbox and resend later`, env.id);
      if (limited > limits.burst * 4) conn.close(CloseCode.policy, 'flooding: too many reports over the rate limit');
      return;
    }
    limited = 0;
    const p = env.payload;
    const name = agent!.name;
    writer.submit({
      id: env.id, agentId: name, collector: p.collector, receivedAt: now().toISOString(), startedAt: p.startedAt,
      finishedAt: p.finishedAt, durationMs: p.durationMs, ok: p.ok, raw, observations: p.observations,
    }).then(
      ({ duplicate }) => {
        if (!closed) conn.send('ack', { id: env.id, duplicate });
        if (!duplicate) deps.onReport(name, p.collector);
      },
      (e: unknown) => {
        log('report.store_failed', { agent: name, id: env.id, error: (e as Error).message });
        sendError('E_STORE', 'the planner could not store the report; it stays in your outbox', env.id);
      },
    );
  };

  ws.on('message', (data, isBinary) => {
    if (closed) return;
    const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    if (isBinary) return conn.close(CloseCode.policy, 'binary frames are not part of the protocol; send JSON text');
    let env: Envelope;
    try {
      env = decode(buf, limits.maxFrameBytes);
    } catch (e) {
      const pe = e as ProtocolError;
      log('agent.bad_frame', { agent: agent?.name, peer, code: pe.code, message: pe.message });
      sendError(pe.code ?? 'E_PROTOCOL', pe.message);
      return conn.close(CloseCode.policy, `${pe.code ?? 'E_PROTOCOL'}: ${pe.message}`);
    }
    if (!agent) {
      const token = env.type === 'hello' ? (env.payload as Payload<'hello'>).token : undefined;
      if (!token) return conn.close(CloseCode.policy, 'authenticate first: send the token in the hello frame or the header');
      if (!authenticate(token, 'hello')) return;
    } else {
      resetIdle();
    }
    const a = agent as AgentRecord;
    if (env.agentId !== a.name) {
      return conn.close(CloseCode.policy, `agentId "${env.agentId}" does not match the token of agent "${a.name}"`);
    }
    switch (env.type) {
      case 'hello': {
        const h = env.payload as Payload<'hello'>;
        writer.touch({ name: a.name, at: now().toISOString(), version: h.version, host: h.host, collectors: h.capabilities });
        lastTouch = now().getTime();
        log('agent.hello', { agent: a.name, version: h.version, host: h.host });
        return;
      }
      case 'heartbeat':
        if (now().getTime() - lastTouch > HEARTBEAT_TOUCH_MS) {
          writer.touch({ name: a.name, at: now().toISOString() });
          lastTouch = now().getTime();
        }
        return;
      case 'report':
        return onReport(env as Envelope<'report'>, buf.toString('utf8'));
      case 'error':
        log('agent.error', { agent: a.name, ...(env.payload as object) });
        return;
      default:
        return conn.close(CloseCode.policy, `"${env.type}" is a planner-to-agent message; agents send hello, report, heartbeat`);
    }
  });

  ws.on('error', (e) => log('agent.socket_error', { agent: agent?.name, peer, error: e.message }));
  ws.on('close', (code) => {
    closed = true;
    clearTimeout(idle);
    if (agent) deps.onGone(agent.name, conn);
    if (code === CloseCode.tooBig) log('agent.closed', { agent: agent?.name, peer, code, reason: `frame over ${limits.maxFrameBytes} bytes` });
  });

  const headerToken = bearer(req.headers.authorization);
  if (headerToken) authenticate(headerToken, 'header');
  return conn;
}
