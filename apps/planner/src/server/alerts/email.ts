import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { AlertChannel } from './channel';
import { redact } from './channel';
import type { EmailConfig } from './channel-config';
import { buildEmail } from './email-message';
import { linesOf, titleOf } from './message-text';
import { sendMail, SmtpError, type SmtpOptions } from './smtp-client';

const DEFAULT_PORT = { none: 25, starttls: 587, tls: 465 } as const;

export interface EmailChannelOptions {
  config: EmailConfig;
  /** The SMTP password, read from the file or its environment variable (alerts/channels.ts). */
  password: string | null;
  sleep?: (ms: number) => Promise<void>;
  tls?: SmtpOptions['tls'];
}

/**
 * E-mail through an SMTP server: the alert in words, one message per evaluation with changes, to every recipient
 * (dated with the evaluation's time). A transient failure (4xx, timeout, network) is tried again `retries` times,
 * after backoffMs, then twice that…; a 5xx answer is final.
 */
export function createEmailChannel(o: EmailChannelOptions): AlertChannel {
  const c = o.config;
  const { retries, backoffMs } = c;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const smtp: SmtpOptions = {
    host: c.host, port: c.port ?? DEFAULT_PORT[c.security], security: c.security, helo: c.helo ?? (hostname() || 'localhost'), timeoutMs: c.timeoutMs,
    auth: c.auth && o.password ? { user: c.auth.user, password: o.password } : null,
    ...(o.tls ? { tls: o.tls } : {}),
  };
  const secrets = [o.password ?? undefined, ...(smtp.auth ? [Buffer.from(`\0${smtp.auth.user}\0${smtp.auth.password}`).toString('base64'), Buffer.from(smtp.auth.password).toString('base64')] : [])];
  return {
    name: 'email',
    async send(m) {
      const data = buildEmail({ from: c.from, to: c.to, subject: titleOf(m), lines: linesOf(m), date: new Date(m.at), messageId: `${randomUUID()}@lyncdr` });
      let detail = '';
      for (let attempt = 1; attempt <= retries + 1; attempt++) {
        try {
          const r = await sendMail(smtp, { from: c.from, to: c.to }, data);
          return { delivered: true, attempts: attempt, detail: redact(r.refused.length ? `SMTP ${r.reply}; refused: ${r.refused.join(', ')}` : `SMTP ${r.reply}`, secrets) };
        } catch (e) {
          detail = redact((e as Error).message, secrets);
          if (!(e instanceof SmtpError) || !e.transient) return { delivered: false, attempts: attempt, detail };
        }
        if (attempt <= retries) await sleep(backoffMs * 2 ** (attempt - 1));
      }
      return { delivered: false, attempts: retries + 1, detail };
    },
  };
}
