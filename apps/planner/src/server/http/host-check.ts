import { LyncdrError } from '@lyncdr/errors';
import { describeValue } from '@lyncdr/protocol';

export interface HostCheckInput {
  /** The address the planner listens on (`host` in planner.yaml). */
  bindHost: string;
  /** `api.allowedHosts`; `*` allows any Host. */
  allowed: readonly string[];
  /** This machine's host name and interface addresses (from node:os, passed in). */
  machine: readonly string[];
}

/** The host part of a `Host` header, lower case, without port, brackets or a trailing dot; null when malformed. */
export function hostOf(header: string): string | null {
  const h = header.trim().toLowerCase();
  const m = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(h) ?? /^([a-z0-9_.-]+)(?::\d{1,5})?$/.exec(h);
  return m?.[1]?.replace(/\.$/, '') ?? null;
}

const normalise = (name: string) => hostOf(name.includes(':') && !name.startsWith('[') ? `[${name}]` : name) ?? name.toLowerCase();

/**
 * The names the planner answers HTTP requests for: a browser tricked by DNS rebinding sends the attacker's name in
 * `Host`, so any other name is refused. Requests without a Host header (not from a browser) pass.
 */
export function createHostCheck(input: HostCheckInput): (header: string | undefined) => boolean {
  if (input.allowed.includes('*')) return () => true;
  const wildcard = input.bindHost === '0.0.0.0' || input.bindHost === '::';
  const names = new Set(['127.0.0.1', 'localhost', '::1', ...(wildcard ? [] : [input.bindHost]), ...input.machine, ...input.allowed].map(normalise));
  return (header) => {
    if (header === undefined) return true;
    const host = hostOf(header);
    return host !== null && names.has(host);
  };
}

export function hostRefused(header: string): LyncdrError {
  return new LyncdrError('E_HTTP_HOST', `Host ${describeValue(header, 80)} is not a name of this planner; add it to api.allowedHosts in planner.yaml`);
}
