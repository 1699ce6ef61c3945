import { isIP, connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';

/**
 * A small SMTP client (RFC 5321): EHLO (HELO for a server without ESMTP), optional STARTTLS (RFC 3207), optional AUTH PLAIN (RFC 4616) or LOGIN,
 * MAIL FROM, RCPT TO, DATA, QUIT. One message per connection; the whole conversation is bounded by timeoutMs.
 */

export interface SmtpOptions {
  host: string;
  port: number;
  security: 'none' | 'starttls' | 'tls';
  auth: { user: string; password: string } | null;
  /** The name given in EHLO. */
  helo: string;
  timeoutMs: number;
  /** Extra TLS settings (a private CA in tests; NODE_EXTRA_CA_CERTS serves the same purpose in production). */
  tls?: ConnectionOptions;
}

export interface SmtpResult {
  /** The server's answer to the end of DATA, e.g. `250 2.0.0 Ok: queued as 12345`. */
  reply: string;
  /** Recipients the server refused (the others got the message). */
  refused: string[];
}

/** An SMTP failure: `transient` for 4xx answers, timeouts and network errors (worth retrying), not for 5xx. */
export class SmtpError extends Error {
  constructor(message: string, readonly transient: boolean) {
    super(message);
    this.name = 'SmtpError';
  }
}

interface Reply {
  code: number;
  lines: string[];
}

const text = (r: Reply) => `${r.code} ${r.lines.join(' ').slice(0, 200)}`;

/** Reads CRLF lines and groups them into replies (`250-…` continues, `250 …` ends). */
function createReader() {
  let buffer = '';
  let lines: string[] = [];
  const replies: Reply[] = [];
  const waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | null = null;
  let rejectFailed: (e: Error) => void = () => undefined;
  /** Rejects on the first failure (timeout, network error, closed connection): for waits that are not replies. */
  const failed = new Promise<never>((_, reject) => (rejectFailed = reject));
  failed.catch(() => undefined);
  return {
    failed,
    push(chunk: string) {
      buffer += chunk;
      let i: number;
      while ((i = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, i).replace(/\r$/, '');
        buffer = buffer.slice(i + 1);
        const m = /^(\d{3})([ -]?)(.*)$/.exec(line);
        if (!m) {
          this.fail(new SmtpError(`the server sent a line that is not SMTP: ${line.slice(0, 80)}`, false));
          return;
        }
        lines.push(m[3] ?? '');
        if (m[2] !== '-') {
          const reply = { code: Number(m[1]), lines };
          lines = [];
          const w = waiting.shift();
          if (w) w.resolve(reply);
          else replies.push(reply);
        }
      }
    },
    fail(e: Error) {
      failure ??= e;
      rejectFailed(failure);
      for (const w of waiting.splice(0)) w.reject(failure);
    },
    next(): Promise<Reply> {
      const r = replies.shift();
      if (r) return Promise.resolve(r);
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
  };
}

/** DATA text with CRLF line ends, lines starting with a dot doubled (RFC 5321 §4.5.2), and the final `.`. */
export function dotStuff(data: string): string {
  const body = data.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
  return `${body.endsWith('\r\n') ? body : `${body}\r\n`}.\r\n`;
}

/** A certificate the planner does not trust will not become trusted by trying again. */
const isCertificateError = (e: { code?: string }) => /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS/.test(e.code ?? '');

/** SNI carries host names only (RFC 6066 §3); the certificate is checked against the host either way. */
const serverName = (host: string) => (isIP(host) ? {} : { servername: host });

function open(o: SmtpOptions): Socket {
  return o.security === 'tls'
    ? tlsConnect({ host: o.host, port: o.port, ...serverName(o.host), ...o.tls })
    : netConnect({ host: o.host, port: o.port });
}

export async function sendMail(o: SmtpOptions, envelope: { from: string; to: readonly string[] }, data: string): Promise<SmtpResult> {
  let socket = open(o);
  const reader = createReader();
  const attach = (s: Socket) => {
    s.setEncoding('utf8');
    s.on('data', (c: string) => reader.push(c));
    s.on('error', (e: Error & { code?: string }) => reader.fail(isCertificateError(e)
      ? new SmtpError(`TLS: ${e.message}`, false)
      : new SmtpError(e.code ? `${e.code}: ${e.message}` : e.message, true)));
    s.on('close', () => reader.fail(new SmtpError('the server closed the connection', true)));
  };
  attach(socket);
  const timer = setTimeout(() => {
    reader.fail(new SmtpError(`no answer within ${o.timeoutMs} ms`, true));
    socket.destroy();
  }, o.timeoutMs);
  const write = (line: string) => socket.write(`${line}\r\n`);
  const expect = async (step: string, ok: (code: number) => boolean): Promise<Reply> => {
    const r = await reader.next();
    if (!ok(r.code)) throw new SmtpError(`SMTP ${text(r)} (at ${step})`, r.code >= 400 && r.code < 500);
    return r;
  };
  const is = (...codes: number[]) => (c: number) => codes.includes(c);
  const ehlo = async () => {
    write(`EHLO ${o.helo}`);
    const r = await reader.next();
    if (r.code === 250) return r.lines.slice(1).map((l) => l.toUpperCase());
    // An old server without ESMTP: HELO is enough when neither STARTTLS nor AUTH is needed (RFC 5321 §3.2).
    if (r.code >= 500 && r.code < 600 && o.security !== 'starttls' && !o.auth) {
      write(`HELO ${o.helo}`);
      await expect('HELO', is(250));
      return [];
    }
    throw new SmtpError(`SMTP ${text(r)} (at EHLO)`, r.code >= 400 && r.code < 500);
  };
  try {
    await expect('greeting', is(220));
    let ext = await ehlo();
    if (o.security === 'starttls') {
      if (!ext.includes('STARTTLS')) throw new SmtpError('the server offers no STARTTLS (security: starttls)', false);
      write('STARTTLS');
      await expect('STARTTLS', is(220));
      const plain = socket;
      plain.removeAllListeners('data');
      plain.removeAllListeners('close');
      socket = tlsConnect({ socket: plain, host: o.host, ...serverName(o.host), ...o.tls });
      // Listening before attach(): a certificate error is then the handshake's (final), not a network one (retried).
      const handshake = new Promise<void>((resolve, reject) => {
        socket.once('secureConnect', () => resolve());
        socket.once('error', (e: Error) => reject(new SmtpError(`TLS: ${e.message}`, false)));
      });
      attach(socket);
      await Promise.race([handshake, reader.failed]);
      ext = await ehlo();
    }
    if (o.auth) {
      const methods = (ext.find((l) => l.startsWith('AUTH ') || l.startsWith('AUTH=')) ?? '').slice(5).split(/\s+/);
      if (methods.includes('PLAIN')) {
        write(`AUTH PLAIN ${Buffer.from(`\0${o.auth.user}\0${o.auth.password}`, 'utf8').toString('base64')}`);
        await expect('AUTH', is(235));
      } else if (methods.includes('LOGIN')) {
        write('AUTH LOGIN');
        await expect('AUTH', is(334));
        write(Buffer.from(o.auth.user, 'utf8').toString('base64'));
        await expect('AUTH', is(334));
        write(Buffer.from(o.auth.password, 'utf8').toString('base64'));
        await expect('AUTH', is(235));
      } else {
        throw new SmtpError('the server offers neither AUTH PLAIN nor AUTH LOGIN', false);
      }
    }
    write(`MAIL FROM:<${envelope.from}>`);
    await expect('MAIL FROM', is(250));
    const refused: string[] = [];
    let lastRefusal = '';
    for (const to of envelope.to) {
      write(`RCPT TO:<${to}>`);
      const r = await reader.next();
      if (r.code !== 250 && r.code !== 251) {
        refused.push(to);
        lastRefusal = text(r);
      }
    }
    if (refused.length === envelope.to.length) throw new SmtpError(`SMTP ${lastRefusal} (at RCPT TO, every recipient refused)`, lastRefusal.startsWith('4'));
    write('DATA');
    await expect('DATA', is(354));
    socket.write(dotStuff(data));
    const done = await expect('end of DATA', is(250));
    write('QUIT');
    // The message is accepted: wait a little for the 221, not the whole timeout.
    let quitTimer: NodeJS.Timeout | undefined;
    await Promise.race([reader.next().catch(() => undefined), new Promise((r) => (quitTimer = setTimeout(r, 1000)))]);
    clearTimeout(quitTimer);
    return { reply: text(done), refused };
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
}
