import { lookup as dnsLookup } from 'node:dns/promises';
import net from 'node:net';
import WebSocket from 'ws';
import { encode, envelope } from '@lyncdr/protocol';

export interface CheckStep {
  step: 'url' | 'resolve' | 'connect' | 'handshake' | 'authenticate';
  ok: boolean;
  /** What was seen (address, status, close reason). */
  detail: string;
  /** On failure: what to do about it. */
  fix?: string;
}

export interface ConnectionCheckOptions {
  url: string;
  token: string;
  agentId: string;
  version: string;
  host: string;
  capabilities: string[];
  timeoutMs?: number;
  lookup?: (host: string) => Promise<{ address: string; family: number }>;
}

/**
 * `test-connection`: takes the planner connection apart so that a failure names its step — the URL, the name
 * lookup, the TCP connection, the TLS + WebSocket handshake, and the token. The token is proven by a hello followed by
 * a ping: the planner handles frames in order and closes on a refused hello before it could answer the ping, so a
 * pong means the hello was accepted.
 */
export async function checkConnection(opts: ConnectionCheckOptions): Promise<{ ok: boolean; steps: CheckStep[] }> {
  const steps: CheckStep[] = [];
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const done = (s: CheckStep) => {
    steps.push(s);
    return { ok: steps.every((x) => x.ok), steps };
  };

  let url: URL;
  try {
    url = new URL(opts.url);
    if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new Error('not ws:// or wss://');
  } catch (e) {
    return done({ step: 'url', ok: false, detail: `${opts.url}: ${(e as Error).message}`, fix: 'set planner.url to the planner\'s agent endpoint, e.g. wss://planner.contoso.com/agent' });
  }
  steps.push({ step: 'url', ok: true, detail: url.href });
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (url.protocol === 'wss:' ? 443 : 80));

  let address: string;
  try {
    address = net.isIP(host) ? host : (await (opts.lookup ?? ((h: string) => dnsLookup(h)))(host)).address;
    steps.push({ step: 'resolve', ok: true, detail: `${host} → ${address}` });
  } catch (e) {
    return done({ step: 'resolve', ok: false, detail: `${host}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, fix: `check the host name in planner.url and this server's DNS (Resolve-DnsName ${host})` });
  }

  const tcp = await new Promise<{ ok: true; ms: number } | { ok: false; code: string }>((resolve) => {
    const t0 = performance.now();
    const sock = net.connect({ host: address, port });
    const timer = setTimeout(() => {
      sock.destroy();
      resolve({ ok: false, code: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    sock.once('connect', () => {
      clearTimeout(timer);
      sock.destroy();
      resolve({ ok: true, ms: Math.round(performance.now() - t0) });
    });
    sock.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ ok: false, code: e.code ?? e.message });
    });
  });
  if (!tcp.ok) {
    return done({ step: 'connect', ok: false, detail: `${address}:${port}: ${tcp.code}`, fix: `check that the planner runs and that firewalls let this server reach TCP ${port} on ${host} (Test-NetConnection ${host} -Port ${port})` });
  }
  steps.push({ step: 'connect', ok: true, detail: `${address}:${port} in ${tcp.ms} ms` });

  const result = await new Promise<CheckStep[]>((resolve) => {
    const out: CheckStep[] = [];
    let settled = false;
    const ws = new WebSocket(url.href, { headers: { Authorization: `Bearer ${opts.token}` }, handshakeTimeout: timeoutMs });
    const finish = (s: CheckStep) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      out.push(s);
      ws.removeAllListeners();
      ws.on('error', () => {});
      if (ws.readyState === WebSocket.OPEN) ws.close(1000, 'test-connection done');
      else ws.terminate();
      resolve(out);
    };
    const timer = setTimeout(() => finish({ step: out.length ? 'authenticate' : 'handshake', ok: false, detail: `no answer within ${timeoutMs} ms`, fix: 'check that planner.url points at the planner (path /agent) and that no proxy holds the connection' }), timeoutMs);
    ws.on('unexpected-response', (_req, res) =>
      finish({ step: 'handshake', ok: false, detail: `HTTP ${res.statusCode} ${res.statusMessage ?? ''}`.trim(), fix: res.statusCode === 404 ? 'the path is wrong: the planner takes agents on /agent' : 'check that planner.url is the planner\'s agent endpoint and that no proxy answers instead' }),
    );
    ws.on('error', (e: NodeJS.ErrnoException) => {
      const tls = /certificate|self.signed|SSL|TLS/i.test(e.message) || (e.code ?? '').startsWith('ERR_TLS') || /CERT/.test(e.code ?? '');
      finish({
        step: 'handshake', ok: false, detail: e.message,
        fix: tls ? 'the planner\'s certificate is not trusted here: import its CA into the machine\'s Trusted Root store, or use the name the certificate was issued to' : 'check planner.url (ws:// against a wss:// planner, or the reverse)',
      });
    });
    ws.on('open', () => {
      out.push({ step: 'handshake', ok: true, detail: url.protocol === 'wss:' ? 'TLS and WebSocket upgrade' : 'WebSocket upgrade (ws://, not encrypted)' });
      ws.send(encode(envelope('hello', { version: opts.version, host: opts.host, capabilities: opts.capabilities, token: opts.token }, { id: `h-check-${Date.now()}`, agentId: opts.agentId, sentAt: new Date().toISOString() })));
      ws.ping();
    });
    ws.on('pong', () => finish({ step: 'authenticate', ok: true, detail: `the planner accepted the token of agent ${opts.agentId}` }));
    ws.on('close', (code, reason) =>
      finish({
        step: 'authenticate', ok: false, detail: `closed by the planner (${code}${reason.length ? ` ${reason.toString()}` : ''})`,
        fix: agentIdFix(reason.toString()) ?? 'issue a token for this agent on the planner (lyncdr agents add <name>) and save it in the token file',
      }),
    );
  });
  steps.push(...result);
  return { ok: steps.every((s) => s.ok), steps };
}

/** The planner names the agent a token belongs to when the agentId differs: say which id to use. */
function agentIdFix(reason: string): string | null {
  const m = /token of agent "([^"]+)"/.exec(reason);
  if (m) return `this token belongs to agent "${m[1]}": set agentId: ${m[1]} (init --agent-id ${m[1]})`;
  return /agentId/.test(reason) ? 'set agentId to the name the token was issued for (lyncdr agents list on the planner)' : null;
}

/** The check as lines for the console: `ok      resolve  planner.contoso.com → 10.0.0.5`, then what to do on a failure. */
export function formatCheck(steps: CheckStep[]): string {
  return steps
    .map((s) => `${s.ok ? 'ok    ' : 'FAILED'}  ${s.step.padEnd(12)} ${s.detail}\n${s.fix ? `        what to do: ${s.fix}\n` : ''}`)
    .join('');
}
