import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { Logger } from '@lyncdr/logger';
import { decode, encode, envelope, truncateUtf8, type Envelope, type MessageType, type Payload, type ProtocolError } from '@lyncdr/protocol';
import type { AgentRecord, Store } from '@lyncdr/store';
import { CloseCode, closeReason } from './close-codes';
import { createTokenBucket } from './rate-limit';
import type { ReportWriter } from './report-writer';
import { clockOnHello, DEFAULT_CLOCK_SKEW_MS, droppedOnHello, screenReport } from './screen-report';
import { bearer, hashToken } from './tokens';
import { isAgentOutdated, MIN_AGENT_VERSION } from './agent-version';

export interface EndpointLimits {
  maxFrameBytes: number;
  reportsPerMinute: number;
  burst: number;
  idleTimeoutSeconds: number;
  helloTimeoutSeconds: number;
  unauthenticatedMaxBytes: number;
  otherFramesPerMinute: number;
  otherFramesBurst: number;
}

export interface ConnectionDeps {
  store: Store;
  writer: ReportWriter;
  limits: EndpointLimits;
  now: () => Date;
  log: Logger;
  /** Called when an agent authenticates (to register it for `collect`); false when there is no room (closed 1013). */
  onAuthenticated: (name: string, conn: AgentConnection) => boolean;
  /** Called when an authenticated agent's socket goes. */
  onGone: (name: string, conn: AgentConnection) => void;
  /** Called after a new (non-duplicate) report was committed and acked. */
  onReport: (agent: string, collector: string) => void;
  /** Called when a report is acked (new or duplicate), with the seconds from the frame's arrival to the ack. */
  onAck?: (seconds: number) => void;
  /** How far ahead of the planner's clock an agent's times may be (default 5 min); see screen-report.ts. */
  clockSkewMs?: number;
}

export interface AgentConnection {
  send<T extends MessageType>(type: T, payload: Payload<T>): void;
  close(code: number, reason: string): void;
  readonly agent: string | null;
}

const HEARTBEAT_TOUCH_MS = 30_000;
/** Bytes of a bad frame shown in the log: a sample, never the whole frame. */
const LOG_SAMPLE_BYTES = 120;

/** A short printable sample of a frame for the log. */
export function frameSample(buf: Buffer): string {
  return truncateUtf8(buf.subarray(0, LOG_SAMPLE_BYTES * 2).toString('utf8'), LOG_SAMPLE_BYTES);
}

/** One agent's socket: authentication (header or hello), schema check of every frame, rate limit, idle timeout, ack. */
export function handleConnection(ws: WebSocket, req: IncomingMessage, deps: ConnectionDeps): AgentConnection {
  const { store, writer, limits, now, log } = deps;
  const peer = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
  const bucket = createTokenBucket(limits.reportsPerMinute, limits.burst, () => now().getTime());
  const otherFrames = createTokenBucket(limits.otherFramesPerMinute, limits.otherFramesBurst, () => now().getTime());
  let agent: AgentRecord | null = null;
  /** The collectors the agent declared: its hello on this connection, else its last stored one (set on authentication). */
  let capabilities: readonly string[] | null = null;
  let tokenHash = '';
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
      log.info('agent.closed', { agent: agent?.name, peer, code, reason });
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

  // Before authentication a peer may send only a hello: every byte it sends counts, whatever frames they make up.
  let unauthenticatedBytes = 0;
  const countUnauthenticated = (chunk: Buffer) => {
    unauthenticatedBytes += chunk.length;
    if (unauthenticatedBytes <= limits.unauthenticatedMaxBytes || closed) return;
    req.socket.off('data', countUnauthenticated);
    conn.close(CloseCode.tooBig, `over ${limits.unauthenticatedMaxBytes} bytes before authentication; send the token first`);
    ws.terminate();
  };
  req.socket.on('data', countUnauthenticated);

  const authenticate = (token: string, how: string): boolean => {
    tokenHash = hashToken(token);
    const found = store.findByTokenHash(tokenHash);
    if (!found || found.role !== 'agent') {
      conn.close(CloseCode.policy, 'unknown token: register the agent with `lyncdr agents add <name>`');
      return false;
    }
    if (found.revokedAt) {
      conn.close(CloseCode.policy, `token of agent ${found.name} was revoked; issue a new one with lyncdr agents add`);
      return false;
    }
    if (!deps.onAuthenticated(found.name, conn)) {
      conn.close(CloseCode.tryAgainLater, 'the planner has its maximum of agent connections; retry later');
      return false;
    }
    agent = found;
    capabilities = found.collectors.length ? found.collectors : null;
    req.socket.off('data', countUnauthenticated);
    resetIdle();
    log.info('agent.connected', { agent: found.name, peer, auth: how });
    return true;
  };

  /** A token revoked or replaced while its agent is connected ends the connection at the next heartbeat or hello. */
  const stillValid = (): boolean => {
    const current = store.findByTokenHash(tokenHash);
    if (current && !current.revokedAt && current.name === agent?.name) return true;
    conn.close(CloseCode.policy, `token of agent ${agent?.name ?? '?'} was revoked or replaced; issue a new one with lyncdr agents`);
    return false;
  };

  const sendError = (code: string, message: string, ref?: string) => {
    if (agent && !closed) conn.send('error', { code, message, ...(ref ? { ref } : {}) });
  };

  const onReport = (env: Envelope<'report'>, raw: string, arrived: number) => {
    if (!bucket.take()) {
      limited++;
      sendError('E_RATE_LIMIT', `over ${limits.reportsPerMinute} reports per minute; keep it in the outbox and resend later`, env.id);
      if (limited > limits.burst * 4) conn.close(CloseCode.policy, 'flooding: too many reports over the rate limit');
      return;
    }
    limited = 0;
    const p = env.payload;
    const name = agent!.name;
    const receivedAt = now();
    const screened = screenReport({ id: env.id, payload: p, receivedAt, capabilities, clockSkewMs: deps.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS });
    if (screened.findings.length) writer.touch({ name, at: receivedAt.toISOString(), findings: screened.findings });
    for (const f of screened.findings) log.warn('report.refused', { agent: name, id: env.id, code: f.code, message: f.message });
    if (screened.refused) return sendError(screened.refused.code, screened.refused.message, env.id);
    writer.submit({
      id: env.id, agentId: name, collector: p.collector, receivedAt: receivedAt.toISOString(), startedAt: p.startedAt,
      finishedAt: p.finishedAt, durationMs: p.durationMs, ok: p.ok, raw, observations: screened.observations,
    }).then(
      ({ duplicate }) => {
        if (!closed) {
          conn.send('ack', { id: env.id, duplicate });
          deps.onAck?.((performance.now() - arrived) / 1000);
        }
        if (!duplicate) deps.onReport(name, p.collector);
      },
      (e: unknown) => {
        log.error('report.store_failed', { agent: name, id: env.id, error: (e as Error).message });
        sendError('E_STORE', 'the planner could not store the report; it stays in your outbox', env.id);
      },
    );
  };

  const onMessage = (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
    if (closed) return;
    const arrived = performance.now();
    const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    if (isBinary) return conn.close(CloseCode.policy, 'binary frames are not part of the protocol; send JSON text');
    let env: Envelope;
    try {
      env = decode(buf, limits.maxFrameBytes);
    } catch (e) {
      const pe = e as ProtocolError;
      log.warn('agent.bad_frame', { agent: agent?.name, peer, code: pe.code, message: truncateUtf8(pe.message, 300), bytes: buf.length, sample: frameSample(buf) });
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
      return conn.close(CloseCode.policy, `agentId "${truncateUtf8(env.agentId, 40)}" does not match the token of agent "${a.name}"`);
    }
    if (env.type !== 'report' && !otherFrames.take()) {
      return conn.close(CloseCode.policy, `flooding: over ${limits.otherFramesPerMinute} hello, heartbeat and error frames per minute`);
    }
    switch (env.type) {
      case 'hello': {
        if (!stillValid()) return;
        const h = env.payload as Payload<'hello'>;
        capabilities = h.capabilities;
        const clock = clockOnHello(env.sentAt, now(), deps.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS);
        const dropped = droppedOnHello(h.outboxDropped, a.findings, now());
        for (const f of dropped) log.warn('agent.outbox_dropped', { agent: a.name, dropped: h.outboxDropped, message: f.message });
        writer.touch({ name: a.name, at: now().toISOString(), version: h.version, host: h.host, collectors: h.capabilities, ...clock, findings: [...clock.findings, ...dropped] });
        lastTouch = now().getTime();
        log.info('agent.hello', { agent: a.name, version: h.version, host: h.host });
        if (isAgentOutdated(h.version)) log.warn('agent.outdated', { agent: a.name, version: h.version, min: MIN_AGENT_VERSION });
        return;
      }
      case 'heartbeat':
        if (now().getTime() - lastTouch > HEARTBEAT_TOUCH_MS) {
          if (!stillValid()) return;
          writer.touch({ name: a.name, at: now().toISOString(), clockOffsetMs: clockOnHello(env.sentAt, now(), 0).clockOffsetMs });
          lastTouch = now().getTime();
        }
        return;
      case 'report':
        return onReport(env as Envelope<'report'>, buf.toString('utf8'), arrived);
      case 'error': {
        const e = env.payload as Payload<'error'>;
        log.warn('agent.error', { agent: a.name, code: e.code, message: truncateUtf8(e.message, 300), ref: e.ref });
        return;
      }
      default:
        return conn.close(CloseCode.policy, `"${env.type}" is a planner-to-agent message; agents send hello, report, heartbeat`);
    }
  };

  // Last-resort guard: an exception here would reach the socket's event emitter and end the process.
  ws.on('message', (data, isBinary) => {
    try {
      onMessage(data, isBinary);
    } catch (e) {
      log.error('agent.internal_error', { agent: agent?.name, peer, error: truncateUtf8(String((e as Error)?.message ?? e), 300) });
      conn.close(CloseCode.internalError, 'the planner failed on this frame; see its log');
    }
  });

  ws.on('error', (e) => log.warn('agent.socket_error', { agent: agent?.name, peer, error: e.message }));
  ws.on('close', (code) => {
    closed = true;
    clearTimeout(idle);
    if (agent) deps.onGone(agent.name, conn);
    if (code === CloseCode.tooBig) log.info('agent.closed', { agent: agent?.name, peer, code, reason: `frame over ${limits.maxFrameBytes} bytes` });
  });

  const headerToken = bearer(req.headers.authorization);
  if (headerToken) authenticate(headerToken, 'header');
  return conn;
}
