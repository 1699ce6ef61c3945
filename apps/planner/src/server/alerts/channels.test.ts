import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isLyncdrError } from '@lyncdr/errors';
import { createLogger } from '@lyncdr/logger';
import type { StatusEntry } from '@lyncdr/protocol';
import { createSqliteStore } from '@lyncdr/store';
import { connectSimAgent } from '../../testing/sim-agent';
import { startTestPlanner, type TestPlanner } from '../../testing/test-planner';
import { parsePlannerConfig, PlannerConfig } from '../config';
import type { AlertMessage, SummaryMessage } from './channel';
import { EmailConfig } from './channel-config';
import { createChannels } from './channels';
import { createEmailChannel } from './email';
import { createNotifier } from './notifier';
import { createNtfyChannel, headerValue, MAX_BODY_BYTES, ntfyRequest } from './ntfy';
import { createTeamsChannel, MAX_ROWS, teamsPayload } from './teams';

// ---------------------------------------------------------------------------------------------------------------
// A minimal SMTP server on 127.0.0.1 port 0: EHLO, STARTTLS, AUTH PLAIN, MAIL, RCPT, DATA, QUIT.

interface Received {
  from: string;
  to: string[];
  data: string;
  secure: boolean;
  user: string | null;
}

interface SmtpServerOptions {
  extensions?: string[];
  tls?: { key: Buffer; cert: Buffer };
  users?: Record<string, string>;
  /** Replies used in turn instead of the usual 250, per step. */
  replies?: Partial<Record<'MAIL' | 'RCPT' | 'END', string[]>>;
  /** Accept the connection and never say anything. */
  silent?: boolean;
  /** TLS from the first byte (port 465 style). */
  implicitTls?: boolean;
  /** An old server: 502 to EHLO, 250 to HELO. */
  heloOnly?: boolean;
  /** Say 220 to STARTTLS and then never start the TLS handshake. */
  stallTls?: boolean;
}

async function smtpServer(o: SmtpServerOptions = {}) {
  const messages: Received[] = [];
  const commands: string[] = [];
  const sockets = new Set<Socket>();
  const next = (step: 'MAIL' | 'RCPT' | 'END', usual: string) => o.replies?.[step]?.shift() ?? usual;
  const server = createNetServer((raw) => {
    sockets.add(raw);
    raw.on('error', () => undefined);
    if (o.silent) return;
    let sock: Socket = raw;
    let secure = false;
    if (o.implicitTls && o.tls) {
      sock = new TLSSocket(raw, { isServer: true, key: o.tls.key, cert: o.tls.cert });
      sock.on('error', () => undefined);
      secure = true;
    }
    let buffer = '';
    let inData = false;
    let data = '';
    let from = '';
    let to: string[] = [];
    let user: string | null = null;
    let login: { user: string | null } | null = null;
    const send = (line: string) => sock.write(`${line}\r\n`);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push({ from, to, data, secure, user });
            send(next('END', '250 2.0.0 Ok: queued as 42'));
          } else data += `${line.startsWith('.') ? line.slice(1) : line}\r\n`;
          continue;
        }
        commands.push(line);
        if (login) {
          const value = Buffer.from(line, 'base64').toString('utf8');
          if (login.user === null) {
            login = { user: value };
            send('334 UGFzc3dvcmQ6');
          } else {
            const u = login.user;
            login = null;
            if (o.users?.[u] === value) {
              user = u;
              send('235 2.7.0 Authentication successful');
            } else send('535 5.7.8 Authentication credentials invalid');
          }
          continue;
        }
        const verb = (line.split(' ')[0] ?? '').toUpperCase();
        if (verb === 'EHLO' && o.heloOnly) send('502 5.5.2 Error: command not recognized');
        else if (verb === 'HELO') send('250 test.local');
        else if (verb === 'EHLO') {
          const ext = (o.extensions ?? []).filter((e) => !(secure && e === 'STARTTLS'));
          const lines = ['test.local greets you', ...ext];
          lines.forEach((l, n) => send(`250${n === lines.length - 1 ? ' ' : '-'}${l}`));
        } else if (verb === 'STARTTLS' && o.stallTls) {
          send('220 2.0.0 Ready to start TLS');
          raw.removeListener('data', onData);
        } else if (verb === 'STARTTLS' && o.tls) {
          send('220 2.0.0 Ready to start TLS');
          raw.removeListener('data', onData);
          sock = new TLSSocket(raw, { isServer: true, key: o.tls.key, cert: o.tls.cert });
          sock.on('data', onData);
          sock.on('error', () => undefined);
          secure = true;
        } else if (line === 'AUTH LOGIN') {
          login = { user: null };
          send('334 VXNlcm5hbWU6');
        } else if (verb === 'AUTH') {
          const [, u, p] = Buffer.from(line.split(' ')[2] ?? '', 'base64').toString('utf8').split('\0');
          if (u && o.users?.[u] === p) {
            user = u;
            send('235 2.7.0 Authentication successful');
          } else send('535 5.7.8 Authentication credentials invalid');
        } else if (verb === 'MAIL') {
          from = /<(.*)>/.exec(line)?.[1] ?? '';
          to = [];
          send(next('MAIL', '250 2.1.0 Ok'));
        } else if (verb === 'RCPT') {
          const r = next('RCPT', '250 2.1.5 Ok');
          if (r.startsWith('250')) to.push(/<(.*)>/.exec(line)?.[1] ?? '');
          send(r);
        } else if (verb === 'DATA') {
          inData = true;
          data = '';
          send('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          send('221 2.0.0 Bye');
          sock.end();
        } else send('502 5.5.2 Error: command not recognized');
      }
    };
    sock.on('data', onData);
    send('220 test.local ESMTP');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    messages,
    commands,
    close: () => new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }),
  };
}

/** Headers (unfolded) and the quoted-printable body decoded as UTF-8. */
function parseMail(data: string): { headers: Record<string, string>; body: string } {
  const [head = '', ...rest] = data.split('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const qp = rest.join('\r\n\r\n').replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < qp.length; i++) {
    if (qp[i] === '=' && /^[0-9A-F]{2}$/.test(qp.slice(i + 1, i + 3))) {
      bytes.push(parseInt(qp.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(qp.charCodeAt(i));
  }
  return { headers, body: Buffer.from(bytes).toString('utf8').replace(/\r\n/g, '\n') };
}

// ---------------------------------------------------------------------------------------------------------------
// An HTTP receiver on 127.0.0.1 port 0 for the Teams and ntfy POSTs.

async function httpReceiver(status = 202) {
  const requests: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createHttpServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      requests.push({ url: req.url ?? '', headers: req.headers, body });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, requests, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const alert: AlertMessage = {
  kind: 'lyncdr.alert', deployment: 'contoso', at: '2026-11-22T10:00:00.000Z',
  changes: [{ itemId: 'filestore:\\\\fs1.contoso.test\\lyncshare', from: 'ok', to: 'late', reason: 'last good backup 31 h ago (period 24 h + grace 6 h)', lastGood: '2026-11-21T03:00:00.000Z' }],
};
const summary: SummaryMessage = {
  kind: 'lyncdr.summary', deployment: 'contoso', at: '2026-11-22T08:00:00.000Z', counts: { ok: 5, late: 1, failed: 1, unknown: 0 },
  attention: [{ itemId: 'sql:rtcxds@be1', status: 'failed', reason: 'the last log backup failed' }, { itemId: 'cms-replication:global', status: 'late', reason: 'replica 3 h old' }],
};
const emailConfig = (port: number, more: Record<string, unknown> = {}) =>
  EmailConfig.parse({ host: '127.0.0.1', port, from: 'lyncdr@contoso.test', to: ['lync-admins@contoso.test', 'oncall@contoso.test'], timeoutMs: 5000, ...more });
const noWait = async () => undefined;

let certDir: string;
let tlsFiles: { key: Buffer; cert: Buffer };
beforeAll(() => {
  certDir = mkdtempSync(path.join(tmpdir(), 'lyncdr-smtp-cert-'));
  const key = path.join(certDir, 'key.pem');
  const cert = path.join(certDir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  tlsFiles = { key: readFileSync(key), cert: readFileSync(cert) };
});
afterAll(() => rmSync(certDir, { recursive: true, force: true }));

describe('e-mail channel (SMTP)', () => {
  it('delivers an alert in words to every recipient, with its headers', async () => {
    const smtp = await smtpServer({ extensions: ['PIPELINING', '8BITMIME'] });
    const d = await createEmailChannel({ config: emailConfig(smtp.port, { helo: 'planner.contoso.test' }), password: null }).send(alert);
    expect(d).toEqual({ delivered: true, attempts: 1, detail: 'SMTP 250 2.0.0 Ok: queued as 42' });
    expect(smtp.commands).toEqual([
      'EHLO planner.contoso.test', 'MAIL FROM:<lyncdr@contoso.test>', 'RCPT TO:<lync-admins@contoso.test>', 'RCPT TO:<oncall@contoso.test>', 'DATA', 'QUIT',
    ]);
    const [m] = smtp.messages;
    expect(m).toMatchObject({ from: 'lyncdr@contoso.test', to: ['lync-admins@contoso.test', 'oncall@contoso.test'], secure: false });
    const { headers, body } = parseMail(m?.data ?? '');
    expect(headers).toMatchObject({
      from: 'lyncdr@contoso.test',
      to: 'lync-admins@contoso.test, oncall@contoso.test',
      subject: 'lyncdr contoso: filestore:\\\\fs1.contoso.test\\lyncshare is late (was ok)',
      date: 'Sun, 22 Nov 2026 10:00:00 +0000',
      'mime-version': '1.0',
      'content-type': 'text/plain; charset=utf-8',
      'content-transfer-encoding': 'quoted-printable',
      'auto-submitted': 'auto-generated',
    });
    expect(headers['message-id']).toMatch(/^<[0-9a-f-]{36}@lyncdr>$/);
    expect(body).toBe([
      'Deployment: contoso',
      'Time: 2026-11-22 10:00 UTC',
      '',
      '1 status change:',
      '',
      'filestore:\\\\fs1.contoso.test\\lyncshare: ok → late',
      '  last good backup 31 h ago (period 24 h + grace 6 h)',
      '  last good: 2026-11-21 03:00 UTC',
      '',
    ].join('\n'));
    await smtp.close();
  });

  it('sends the daily summary', async () => {
    const smtp = await smtpServer();
    expect((await createEmailChannel({ config: emailConfig(smtp.port), password: null }).send(summary)).delivered).toBe(true);
    const { headers, body } = parseMail(smtp.messages[0]?.data ?? '');
    expect(headers.subject).toBe('lyncdr contoso: daily summary, 2 items need attention');
    expect(body).toContain('ok 5, late 1, failed 1, unknown 0\n\nNeeds attention:\n\nsql:rtcxds@be1: failed\n  the last log backup failed\n');
    await smtp.close();
  });

  it('upgrades with STARTTLS before AUTH PLAIN, and never shows the password', async () => {
    const smtp = await smtpServer({ extensions: ['STARTTLS', 'AUTH PLAIN LOGIN'], tls: tlsFiles, users: { lyncdr: 's3cret-Pa55' } });
    const config = emailConfig(smtp.port, { security: 'starttls', auth: { user: 'lyncdr', password: 's3cret-Pa55' } });
    const d = await createEmailChannel({ config, password: 's3cret-Pa55', tls: { ca: tlsFiles.cert } }).send(alert);
    expect(d).toMatchObject({ delivered: true });
    expect(smtp.commands.map((c) => c.split(' ')[0])).toEqual(['EHLO', 'STARTTLS', 'EHLO', 'AUTH', 'MAIL', 'RCPT', 'RCPT', 'DATA', 'QUIT']);
    expect(smtp.messages[0]).toMatchObject({ secure: true, user: 'lyncdr' });

    const wrong = await createEmailChannel({ config, password: 'wrong-Pa55', tls: { ca: tlsFiles.cert } }).send(alert);
    expect(wrong).toEqual({ delivered: false, attempts: 1, detail: 'SMTP 535 5.7.8 Authentication credentials invalid (at AUTH)' });
    await smtp.close();
  });

  it('speaks TLS from the first byte with security: tls, with AUTH PLAIN or LOGIN', async () => {
    const smtp = await smtpServer({ implicitTls: true, tls: tlsFiles, extensions: ['AUTH LOGIN PLAIN'], users: { lyncdr: 'pw' } });
    const config = emailConfig(smtp.port, { security: 'tls', auth: { user: 'lyncdr', passwordEnv: 'SMTP_PW' } });
    expect(await createEmailChannel({ config, password: 'pw', tls: { ca: tlsFiles.cert } }).send(summary)).toMatchObject({ delivered: true });
    expect(smtp.messages[0]).toMatchObject({ secure: true, user: 'lyncdr' });
    expect(smtp.commands.map((c) => c.split(' ')[0])).toEqual(['EHLO', 'AUTH', 'MAIL', 'RCPT', 'RCPT', 'DATA', 'QUIT']);
    await smtp.close();
    const loginOnly = await smtpServer({ implicitTls: true, tls: tlsFiles, extensions: ['AUTH LOGIN'], users: { lyncdr: 'pw' } });
    expect(await createEmailChannel({ config: emailConfig(loginOnly.port, { security: 'tls', auth: { user: 'lyncdr', password: 'pw' } }), password: 'pw', tls: { ca: tlsFiles.cert } }).send(alert)).toMatchObject({ delivered: true });
    expect(loginOnly.commands.slice(0, 4)).toEqual([expect.stringMatching(/^EHLO /), 'AUTH LOGIN', Buffer.from('lyncdr').toString('base64'), Buffer.from('pw').toString('base64')]);
    expect(loginOnly.messages[0]).toMatchObject({ user: 'lyncdr' });
    await loginOnly.close();
  });

  it('refuses to go on without STARTTLS when it is required, and without a trusted certificate', async () => {
    const plain = await smtpServer({ extensions: ['AUTH PLAIN'] });
    const config = emailConfig(plain.port, { security: 'starttls', auth: { user: 'lyncdr', password: 'p' } });
    expect(await createEmailChannel({ config, password: 'p' }).send(alert)).toEqual({ delivered: false, attempts: 1, detail: 'the server offers no STARTTLS (security: starttls)' });
    expect(plain.commands).toEqual([expect.stringMatching(/^EHLO /)]); // no AUTH, no MAIL in the clear
    await plain.close();
    const tls = await smtpServer({ extensions: ['STARTTLS'], tls: tlsFiles });
    const untrusted = await createEmailChannel({ config: emailConfig(tls.port, { security: 'starttls' }), password: null }).send(alert);
    expect(untrusted).toMatchObject({ delivered: false, attempts: 1, detail: expect.stringMatching(/^TLS: .*self-signed/) });
    expect(tls.messages).toHaveLength(0);
    await tls.close();
    const implicit = await smtpServer({ implicitTls: true, tls: tlsFiles });
    const first = await createEmailChannel({ config: emailConfig(implicit.port, { security: 'tls' }), password: null }).send(alert);
    expect(first).toMatchObject({ delivered: false, attempts: 1, detail: expect.stringMatching(/^TLS: .*self-signed/) });
    await implicit.close();
  });

  it('tries again after a 4xx answer, not after a 5xx one', async () => {
    const smtp = await smtpServer({ replies: { MAIL: ['451 4.3.0 Try again later', '451 4.3.0 Try again later'] } });
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const d = await createEmailChannel({ config: emailConfig(smtp.port, { retries: 2, backoffMs: 100 }), password: null, sleep }).send(alert);
    expect(d).toEqual({ delivered: true, attempts: 3, detail: 'SMTP 250 2.0.0 Ok: queued as 42' });
    expect(waits).toEqual([100, 200]);
    await smtp.close();

    const refusing = await smtpServer({ replies: { RCPT: ['550 5.1.1 No such user', '550 5.1.1 No such user'] } });
    const r = await createEmailChannel({ config: emailConfig(refusing.port, { retries: 2 }), password: null, sleep: noWait }).send(alert);
    expect(r).toEqual({ delivered: false, attempts: 1, detail: 'SMTP 550 5.1.1 No such user (at RCPT TO, every recipient refused)' });
    expect(refusing.messages).toHaveLength(0);
    await refusing.close();

    const partly = await smtpServer({ replies: { RCPT: ['550 5.1.1 No such user'] } });
    expect(await createEmailChannel({ config: emailConfig(partly.port), password: null }).send(alert))
      .toEqual({ delivered: true, attempts: 1, detail: 'SMTP 250 2.0.0 Ok: queued as 42; refused: lync-admins@contoso.test' });
    expect(partly.messages[0]?.to).toEqual(['oncall@contoso.test']);
    await partly.close();
  });

  it('says HELO to a server without ESMTP', async () => {
    const old = await smtpServer({ heloOnly: true });
    expect(await createEmailChannel({ config: emailConfig(old.port, { helo: 'planner.contoso.test' }), password: null }).send(alert)).toMatchObject({ delivered: true });
    expect(old.commands.slice(0, 3)).toEqual(['EHLO planner.contoso.test', 'HELO planner.contoso.test', 'MAIL FROM:<lyncdr@contoso.test>']);
    await old.close();
  });

  it('gives up on a server that says nothing within the timeout, and on a refused connection', async () => {
    const mute = await smtpServer({ silent: true });
    const d = await createEmailChannel({ config: emailConfig(mute.port, { timeoutMs: 200, retries: 0 }), password: null }).send(alert);
    expect(d).toEqual({ delivered: false, attempts: 1, detail: 'no answer within 200 ms' });
    await mute.close();
    const stalled = await smtpServer({ extensions: ['STARTTLS'], stallTls: true });
    const s = await createEmailChannel({ config: emailConfig(stalled.port, { security: 'starttls', timeoutMs: 300, retries: 0 }), password: null }).send(alert);
    expect(s).toEqual({ delivered: false, attempts: 1, detail: 'no answer within 300 ms' });
    await stalled.close();
    const refused = await createEmailChannel({ config: emailConfig(mute.port, { retries: 1 }), password: null, sleep: noWait }).send(alert);
    expect(refused).toMatchObject({ delivered: false, attempts: 2, detail: expect.stringMatching(/^ECONNREFUSED/) });
  });
});

describe('Teams Workflows channel', () => {
  it('POSTs an Adaptive Card in a Workflows message', async () => {
    const hook = await httpReceiver(202);
    const d = await createTeamsChannel({ url: `${hook.base}/workflows/abc?sig=SECRET`, retries: 0, backoffMs: 1, timeoutMs: 2000 }).send(alert);
    expect(d).toEqual({ delivered: true, attempts: 1, detail: 'HTTP 202' });
    const [req] = hook.requests;
    expect(req?.url).toBe('/workflows/abc?sig=SECRET');
    expect(req?.headers['content-type']).toBe('application/json');
    const payload = JSON.parse(req?.body ?? '{}');
    expect(payload).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null }] });
    expect(payload.attachments).toHaveLength(1);
    const card = payload.attachments[0].content;
    expect(card).toMatchObject({ $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4' });
    expect(card.body[0]).toEqual({ type: 'TextBlock', text: 'lyncdr contoso: filestore:\\\\\\\\fs1.contoso.test\\\\lyncshare is late (was ok)', wrap: true, size: 'Medium', weight: 'Bolder' });
    expect(card.body[2]).toEqual({
      type: 'Container', separator: true, items: [
        { type: 'TextBlock', text: 'filestore:\\\\\\\\fs1.contoso.test\\\\lyncshare', wrap: true, weight: 'Bolder' },
        { type: 'TextBlock', text: 'ok → late', wrap: true, color: 'Warning', spacing: 'None' },
        { type: 'TextBlock', text: 'last good backup 31 h ago (period 24 h + grace 6 h)', wrap: true, spacing: 'None' },
      ],
    });
    await hook.close();
  });

  it('lists the summary counts and the items that need attention', async () => {
    const hook = await httpReceiver(202);
    await createTeamsChannel({ url: `${hook.base}/w`, retries: 0, backoffMs: 1, timeoutMs: 2000 }).send(summary);
    const body = JSON.parse(hook.requests[0]?.body ?? '{}').attachments[0].content.body;
    expect(body.map((b: { text?: string; items?: { text: string }[] }) => b.text ?? b.items?.[0]?.text)).toEqual([
      'lyncdr contoso: daily summary, 2 items need attention', 'Deployment contoso, 2026-11-22 08:00 UTC', 'ok 5, late 1, failed 1, unknown 0', 'sql:rtcxds@be1', 'cms-replication:global',
    ]);
    expect(body[3].items[1]).toMatchObject({ text: 'failed', color: 'Attention' });
    await hook.close();
  });
});

describe('ntfy channel', () => {
  it('POSTs the text with the Title, Priority and Tags headers and the access token', async () => {
    const hook = await httpReceiver(200);
    const d = await createNtfyChannel({ url: `${hook.base}/lyncdr-contoso`, token: 'tk_secret', tags: ['contoso'], retries: 0, backoffMs: 1, timeoutMs: 2000 }).send(alert);
    expect(d).toEqual({ delivered: true, attempts: 1, detail: 'HTTP 200' });
    const [req] = hook.requests;
    expect(req?.url).toBe('/lyncdr-contoso');
    expect(req?.headers).toMatchObject({
      'content-type': 'text/plain; charset=utf-8',
      title: 'lyncdr contoso: filestore:\\\\fs1.contoso.test\\lyncshare is late (was ok)',
      priority: 'high',
      tags: 'warning,lyncdr,contoso',
      authorization: 'Bearer tk_secret',
    });
    expect(req?.body).toBe('Deployment: contoso\nTime: 2026-11-22 10:00 UTC\n\n1 status change:\n\nfilestore:\\\\fs1.contoso.test\\lyncshare: ok → late\n  last good backup 31 h ago (period 24 h + grace 6 h)\n  last good: 2026-11-21 03:00 UTC');
    await createNtfyChannel({ url: `${hook.base}/t`, tags: [], retries: 0, backoffMs: 1, timeoutMs: 2000 }).send({ ...alert, changes: [{ ...alert.changes[0]!, to: 'failed' }] });
    expect(hook.requests[1]?.headers).toMatchObject({ priority: 'urgent', tags: 'rotating_light,lyncdr' });
    expect(hook.requests[1]?.headers.authorization).toBeUndefined();
    await createNtfyChannel({ url: `${hook.base}/t`, tags: [], retries: 0, backoffMs: 1, timeoutMs: 2000 }).send(summary);
    expect(hook.requests[2]?.headers).toMatchObject({ title: 'lyncdr contoso: daily summary, 2 items need attention', priority: 'default', tags: 'clipboard,lyncdr' });
    await hook.close();
  });
});

describe('alert channels in planner.yaml', () => {
  const bad = (yaml: string) => {
    try {
      parsePlannerConfig(yaml, 'planner.yaml');
    } catch (e) {
      return isLyncdrError(e) ? `${e.code} ${e.where}: ${e.message}` : String(e);
    }
    return 'parsed';
  };
  it('names the key of a bad setting', () => {
    expect(bad('alerts: { email: { host: smtp, from: a@b.c, to: [] } }')).toBe('E_CONFIG planner.yaml alerts.email.to: list at least one recipient; see apps/planner/planner.example.yaml');
    expect(bad('alerts: { email: { host: smtp, from: "Admins <a@b.c>", to: [x@y.z] } }')).toMatch(/^E_CONFIG planner.yaml alerts.email.from: use a plain address/);
    expect(bad('alerts: { email: { host: smtp, from: a@b.c, to: [x@y.z], auth: { user: u, password: p } } }')).toMatch(/^E_CONFIG planner.yaml alerts.email.auth: a password is only sent over TLS/);
    expect(bad('alerts: { email: { host: smtp, from: a@b.c, to: [x@y.z], security: tls, auth: { user: u } } }')).toMatch(/alerts.email.auth: give either password or passwordEnv/);
    expect(bad('alerts: { email: { host: smtp, from: a@b.c, to: [x@y.z], security: ssl } }')).toMatch(/alerts.email.security: /);
    expect(bad('alerts: { teams: { url: "not a url" } }')).toMatch(/^E_CONFIG planner.yaml alerts.teams.url: use an http:\/\/ or https:\/\/ URL/);
    expect(bad('alerts: { ntfy: { url: "https://ntfy.sh/" } }')).toMatch(/^E_CONFIG planner.yaml alerts.ntfy.url: put the topic in the URL/);
    expect(bad('alerts: { ntfy: { url: "https://ntfy.sh/t", priority: 5 } }')).toMatch(/^E_CONFIG planner.yaml alerts.ntfy: Unrecognized key/);
  });

  it('builds one channel per setting, with secrets from the environment', () => {
    const alerts = PlannerConfig.parse({ alerts: {
      webhook: { url: 'http://127.0.0.1:1/h' },
      email: { host: '127.0.0.1', from: 'a@b.c', to: ['x@y.z'], security: 'starttls', auth: { user: 'u', passwordEnv: 'LYNCDR_TEST_SMTP_PASSWORD' } },
      teams: { url: 'http://127.0.0.1:1/w' },
      ntfy: { url: 'http://127.0.0.1:1/t', tokenEnv: 'LYNCDR_TEST_NTFY_TOKEN' },
    } }).alerts;
    expect(createChannels(alerts, { LYNCDR_TEST_SMTP_PASSWORD: 'p', LYNCDR_TEST_NTFY_TOKEN: 't' }).map((c) => c.name)).toEqual(['webhook', 'email', 'teams', 'ntfy']);
    expect(() => createChannels(alerts, { LYNCDR_TEST_NTFY_TOKEN: 't' })).toThrow(expect.objectContaining({ code: 'E_CONFIG', where: 'alerts.email.auth.passwordEnv' }));
    expect(createChannels(PlannerConfig.parse({}).alerts)).toEqual([]);
  });
});

const entry = (itemId: string, status: StatusEntry['status']): StatusEntry => ({ itemId, status, reason: `${status} because`, lastGood: null, ageSeconds: null });

describe('notifier with every channel', () => {
  it('records each channel in the alert log, a failed one as not delivered, and logs no secret', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lyncdr-channels-'));
    const store = createSqliteStore({ file: path.join(dir, 'p.sqlite'), now: () => new Date() });
    const smtp = await smtpServer({ extensions: ['STARTTLS', 'AUTH PLAIN'], tls: tlsFiles, users: { lyncdr: 'smtp-Pa55word' } });
    const teams = await httpReceiver(202);
    const ntfy = await httpReceiver(503);
    const lines: string[] = [];
    const notifier = createNotifier({
      store, now: () => new Date('2026-11-22T10:00:00Z'), silence: [],
      log: createLogger({ sinks: [{ write: (r) => lines.push(`${r.msg} ${JSON.stringify(r.fields)}`) }] }),
      channels: [
        createEmailChannel({ config: emailConfig(smtp.port, { security: 'starttls', auth: { user: 'lyncdr', password: 'smtp-Pa55word' } }), password: 'smtp-Pa55word', tls: { ca: tlsFiles.cert } }),
        createTeamsChannel({ url: `${teams.base}/w?sig=TEAMS-SIG`, retries: 0, backoffMs: 1, timeoutMs: 2000 }),
        createNtfyChannel({ url: `${ntfy.base}/secret-topic`, token: 'tk_NTFY', tags: [], retries: 1, backoffMs: 1, timeoutMs: 2000 }),
      ],
    });
    await notifier.onChanges([{ entry: entry('a', 'failed'), previous: 'ok' }], 'contoso');
    expect(store.listAlerts(10).map((a) => [a.itemId, a.channel, a.delivered, a.detail]).sort()).toEqual([
      ['a', 'email', true, 'SMTP 250 2.0.0 Ok: queued as 42'], ['a', 'ntfy', false, 'HTTP 503'], ['a', 'teams', true, 'HTTP 202'],
    ]);
    expect(lines.filter((l) => l.startsWith('alert.')).sort()).toEqual([
      'alert.delivered {"channel":"email","changes":1,"attempts":1,"detail":"SMTP 250 2.0.0 Ok: queued as 42"}',
      'alert.delivered {"channel":"teams","changes":1,"attempts":1,"detail":"HTTP 202"}',
      'alert.failed {"channel":"ntfy","changes":1,"attempts":2,"detail":"HTTP 503"}',
    ]);
    await notifier.dailySummary({ kind: 'lyncdr.status', v: 1, generatedAt: '2026-11-22T08:00:00.000Z', deployment: 'contoso', items: [entry('a', 'failed')] });
    expect(smtp.messages).toHaveLength(2);
    expect(teams.requests).toHaveLength(2);
    expect(ntfy.requests).toHaveLength(4);
    const all = lines.join('\n') + JSON.stringify(store.listAlerts(10));
    for (const secret of ['smtp-Pa55word', 'TEAMS-SIG', 'secret-topic', 'tk_NTFY']) expect(all).not.toContain(secret);
    await Promise.all([smtp.close(), teams.close(), ntfy.close()]);
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('alerts from a planner to every channel', () => {
  let p: TestPlanner | null = null;
  afterEach(async () => {
    await p?.stop();
    p = null;
  });

  it('e-mails, posts the Teams card and the ntfy message on a status change', async () => {
    const smtp = await smtpServer();
    const teams = await httpReceiver(202);
    const ntfy = await httpReceiver(200);
    let clock = Date.parse('2026-11-22T10:00:00.000Z');
    const item = { id: 'filestore:\\\\fs1.contoso.test\\lyncshare', name: 'File store', frequency: { periodHours: 24 } };
    p = await startTestPlanner({ alerts: {
      email: { host: '127.0.0.1', port: smtp.port, from: 'lyncdr@contoso.test', to: ['lync-admins@contoso.test'] },
      teams: { url: `${teams.base}/w`, retries: 0 },
      ntfy: { url: `${ntfy.base}/lyncdr`, retries: 0 },
    } }, { now: () => new Date(clock), items: () => [item], deployment: 'contoso' });
    const a = await connectSimAgent(p.agentUrl, { agentId: 'fe1', token: p.addAgent('fe1'), now: () => new Date(clock) });
    a.hello();
    await a.report('rep-fe1-000001');
    expect(p.server.evaluator.evaluate().items[0]?.status).toBe('ok');
    clock += 31 * 3_600_000;
    p.server.evaluator.evaluate();
    for (let i = 0; i < 100 && p.store.listAlerts(10).length < 3; i++) await new Promise((r) => setTimeout(r, 50));
    expect(p.store.listAlerts(10).map((r) => [r.channel, r.from, r.to, r.delivered]).sort()).toEqual([['email', 'ok', 'late', true], ['ntfy', 'ok', 'late', true], ['teams', 'ok', 'late', true]]);
    expect(parseMail(smtp.messages[0]?.data ?? '').headers.subject).toBe(`lyncdr contoso: ${item.id} is late (was ok)`);
    expect(JSON.parse(teams.requests[0]?.body ?? '{}').attachments[0].content.type).toBe('AdaptiveCard');
    expect(ntfy.requests[0]?.headers.title).toBe(`lyncdr contoso: ${item.id} is late (was ok)`);
    a.close();
    await Promise.all([smtp.close(), teams.close(), ntfy.close()]);
  });
});

describe('message limits', () => {
  const many: AlertMessage = { ...alert, changes: Array.from({ length: 40 }, (_, i) => ({ ...alert.changes[0]!, itemId: `sql:db${i}@be1`, reason: 'x'.repeat(300) })) };
  it('lists at most 25 rows on a Teams card and says how many more', () => {
    const body = (teamsPayload(many).attachments as { content: { body: { text?: string }[] } }[])[0]!.content.body;
    expect(body.filter((b) => (b as { type: string }).type === 'Container')).toHaveLength(MAX_ROWS);
    expect(body.at(-1)?.text).toBe("… and 15 more (the planner's alert log has them all)");
  });
  it('cuts an ntfy message at 4096 bytes on a line, and keeps a header ASCII', () => {
    const r = ntfyRequest(many);
    expect(Buffer.byteLength(r.body, 'utf8')).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(r.body.endsWith("\n… (cut: the planner's alert log has it all)")).toBe(true);
    expect(r.headers.title).toBe('lyncdr contoso: 40 status changes (40 late)');
    expect(headerValue('Société: ok')).toBe(`=?UTF-8?B?${Buffer.from('Société: ok').toString('base64')}?=`);
  });
});
