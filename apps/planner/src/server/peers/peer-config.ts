import { z } from 'zod';

/** planner.yaml `self:`, `peers:` and `peering:` (docs/planner.md, Peers): planners that know each other. */

const isHttpUrl = (s: string) => {
  try {
    return /^https?:$/.test(new URL(s).protocol);
  } catch {
    return false;
  }
};
/** A base URL: http(s), no query or fragment; a trailing slash is dropped. */
const BaseUrl = z.string().refine(isHttpUrl, 'use the planner\'s base URL, http:// or https://')
  .refine((s) => !isHttpUrl(s) || (!new URL(s).search && !new URL(s).hash), 'give the base URL without ?query or #fragment')
  .transform((s) => s.replace(/\/+$/, ''));
/** Planner names: short words that go into item ids (`peer:<name>`), metrics labels and log lines. */
const PlannerName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'use a short name of lowercase letters, digits and - (e.g. paris)');
const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'name an environment variable (letters, digits, _)');

/** This planner as its peers and its printed documents name it. */
export const SelfConfig = z.object({
  name: PlannerName,
  /** The URL admins open (printed in worksheets and runbooks); the listen address when absent. */
  url: BaseUrl.optional(),
}).strict();

/** Another planner watching the same deployment, polled with a read token issued on it. */
export const PeerConfig = z.object({
  name: PlannerName,
  url: BaseUrl,
  /** A read token issued on the peer (`lyncdr agents add <name> --role read` there), or the variable that holds it. */
  token: z.string().min(1).optional(),
  tokenEnv: EnvName.optional(),
}).strict().superRefine((p, ctx) => {
  if (!p.token === !p.tokenEnv) ctx.addIssue({ code: 'custom', path: ['token'], message: 'give either token or tokenEnv (a read token issued on the peer)' });
});

export const PeeringConfig = z.object({
  /** Seconds between two polls of each peer's GET /api/sync-state. */
  pollSeconds: z.number().positive().max(3600).default(30),
  /** A poll without an answer within this is a failed poll. */
  timeoutSeconds: z.number().positive().max(120).default(5),
  /** A peer that has not answered for this long is down: its peer:<name> item fails and it no longer sends alerts for us. */
  downAfterSeconds: z.number().nonnegative().max(86_400).default(90),
}).strict();

export type SelfConfig = z.infer<typeof SelfConfig>;
export type PeerConfig = z.infer<typeof PeerConfig>;
export type PeeringConfig = z.infer<typeof PeeringConfig>;

/** The fields of planner.yaml the peering checks look at. */
export interface PeeringFields {
  self: SelfConfig | null;
  peers: PeerConfig[];
  alerts: { peerOrder: string[] | null };
}

/**
 * Cross-field checks (added to the config's issues, so they come out as E_CONFIG naming the field): peers need
 * `self.name`; names are unique; `alerts.peerOrder` names this planner and every peer exactly once.
 */
export function checkPeering(c: PeeringFields, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (c.peers.length && !c.self) issue(['self'], 'peers need this planner\'s own name: add self: { name, url }');
  const seen = new Set(c.self ? [c.self.name] : []);
  c.peers.forEach((p, i) => {
    if (seen.has(p.name)) issue(['peers', i, 'name'], `"${p.name}" is used twice; give every planner its own name (self.name and each peer)`);
    seen.add(p.name);
  });
  const order = c.alerts.peerOrder;
  if (order === null) return;
  if (!c.self) {
    issue(['alerts', 'peerOrder'], 'peerOrder needs self: { name } and peers:');
    return;
  }
  const listed = new Set<string>();
  order.forEach((n, i) => {
    if (!seen.has(n)) issue(['alerts', 'peerOrder', i], `"${n}" is neither self.name nor a peer's name`);
    else if (listed.has(n)) issue(['alerts', 'peerOrder', i], `"${n}" is listed twice`);
    listed.add(n);
  });
  const missing = [...seen].filter((n) => !listed.has(n));
  if (missing.length) issue(['alerts', 'peerOrder'], `list every planner once, this one and its peers; missing: ${missing.join(', ')}`);
}

/** The order in which planners send alerts: `alerts.peerOrder`, else every name (self and peers) in alphabetical order. */
export function alertOrder(c: PeeringFields): string[] {
  if (c.alerts.peerOrder) return [...c.alerts.peerOrder];
  return [...(c.self ? [c.self.name] : []), ...c.peers.map((p) => p.name)].sort();
}

/** The peer's read token, from the file or from its environment variable (null when the variable is not set). */
export function peerToken(p: PeerConfig, env: NodeJS.ProcessEnv): string | null {
  return p.token ?? (p.tokenEnv ? env[p.tokenEnv] ?? null : null);
}
