import { z } from 'zod';

/** planner.yaml `alerts:` settings of each channel (docs/planner.md, Notifications). */

const isHttpUrl = (s: string) => {
  try {
    return /^https?:$/.test(new URL(s).protocol);
  } catch {
    return false;
  }
};
const HttpUrl = z.string().refine(isHttpUrl, 'use an http:// or https:// URL');
/** A plain address (no display name): it goes into SMTP commands and headers as it is. */
const Address = z.string().regex(/^[^\s<>@,;:"\\()[\]]+@[A-Za-z0-9.-]+$/, 'use a plain address like lync-admins@contoso.example');
const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'name an environment variable (letters, digits, _)');

const retrying = {
  retries: z.number().int().min(0).max(20).default(5),
  backoffMs: z.number().int().positive().default(1000),
  timeoutMs: z.number().int().positive().max(300_000).default(10_000),
};

export const WebhookConfig = z.object({ url: HttpUrl, ...retrying }).strict();

export const EmailConfig = z.object({
  host: z.string().min(1).regex(/^[A-Za-z0-9.:[\]-]+$/, 'use a host name or an address'),
  /** 25 without TLS, 587 with STARTTLS, 465 with TLS when absent. */
  port: z.number().int().min(1).max(65535).optional(),
  from: Address,
  to: z.array(Address).min(1, 'list at least one recipient'),
  /** none: plain SMTP (an internal relay); starttls: upgrade the connection and refuse to go on without it; tls: TLS from the first byte (port 465). */
  security: z.enum(['none', 'starttls', 'tls']).default('none'),
  /** AUTH PLAIN (or LOGIN when only that is offered), over TLS only. The password is in the file or in an environment variable. */
  auth: z.object({
    user: z.string().min(1),
    password: z.string().min(1).optional(),
    passwordEnv: EnvName.optional(),
  }).strict().nullable().default(null),
  /** The name this host gives in EHLO; the machine's host name when absent. */
  helo: z.string().regex(/^[A-Za-z0-9.-]+$/, 'use a host name').optional(),
  /** The whole conversation with the server, connection to QUIT. */
  timeoutMs: z.number().int().positive().max(300_000).default(15_000),
  /** Tries again after a 4xx answer, a timeout or a network error (not after a 5xx). */
  retries: z.number().int().min(0).max(20).default(2),
  backoffMs: z.number().int().positive().default(5000),
}).strict().superRefine((e, ctx) => {
  if (e.auth && e.security === 'none') ctx.addIssue({ code: 'custom', path: ['auth'], message: 'a password is only sent over TLS: set security to starttls or tls' });
  if (e.auth && !e.auth.password === !e.auth.passwordEnv) ctx.addIssue({ code: 'custom', path: ['auth'], message: 'give either password or passwordEnv' });
});

/** A Teams Workflows webhook ("Send webhook alerts to a channel"): its URL carries its signature, a secret. */
export const TeamsConfig = z.object({ url: HttpUrl, ...retrying }).strict();

export const NtfyConfig = z.object({
  /** The server and the topic: https://ntfy.sh/lyncdr-contoso-7f3a. */
  url: HttpUrl.refine((s) => !isHttpUrl(s) || new URL(s).pathname.length > 1, 'put the topic in the URL (https://ntfy.example/topic)'),
  /** Access token (`Authorization: Bearer`), in the file or in an environment variable. */
  token: z.string().min(1).optional(),
  tokenEnv: EnvName.optional(),
  /** Tags added to every message (ntfy shows emoji short codes as emojis). */
  tags: z.array(z.string().regex(/^[A-Za-z0-9_+-]+$/, 'use letters, digits, _, + or -')).default([]),
  ...retrying,
}).strict().superRefine((n, ctx) => {
  if (n.token && n.tokenEnv) ctx.addIssue({ code: 'custom', path: ['token'], message: 'give either token or tokenEnv' });
});

export type WebhookConfig = z.infer<typeof WebhookConfig>;
export type EmailConfig = z.infer<typeof EmailConfig>;
export type TeamsConfig = z.infer<typeof TeamsConfig>;
export type NtfyConfig = z.infer<typeof NtfyConfig>;
