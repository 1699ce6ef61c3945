/** Turns the CLI's goal name and options into a Goal, with a usage error (exit 2) naming what is missing. */
import { LyncdrError } from '@lyncdr/errors';
import type { Goal } from './types';

export const GOAL_KINDS = ['failover', 'failback', 'serve', 'rebuild', 'edge-failover', 'edge-failback', 'edge-associate', 'cms-failover', 'db-failover', 'restore-conference-content'] as const;

export interface GoalOptions {
  pool?: string;
  usersOf?: string;
  by?: string;
  failed?: string;
  newFqdn?: string;
  federation?: string;
  to?: string;
  edge?: string;
  type?: string;
  planned?: boolean;
}

function need(value: string | undefined, option: string, goal: string): string {
  if (!value || value.trim() === '') throw new LyncdrError('E_USAGE', `plan ${goal} needs ${option} <${option === '--type' ? 'DatabaseType' : 'fqdn'}>; see lyncdr plan --help`);
  return value.trim();
}

export function parseGoal(kind: string, o: GoalOptions): Goal {
  switch (kind) {
    case 'failover': return { kind, pool: need(o.pool, '--pool', kind), planned: o.planned };
    case 'failback': return { kind, pool: need(o.pool, '--pool', kind), planned: o.planned };
    case 'serve': return { kind, usersOf: need(o.usersOf, '--users-of', kind), by: need(o.by, '--by', kind), planned: o.planned };
    case 'rebuild': return { kind, failed: need(o.failed, '--failed', kind), newFqdn: need(o.newFqdn, '--new-fqdn', kind) };
    case 'edge-failover': {
      const f = o.federation?.toLowerCase();
      if (f !== undefined && f !== 'lync' && f !== 'xmpp') throw new LyncdrError('E_USAGE', `--federation ${o.federation}: use lync or xmpp`);
      return { kind, pool: need(o.pool, '--pool', kind), federation: f, to: o.to };
    }
    case 'edge-failback': return { kind, pool: need(o.pool, '--pool', kind) };
    case 'edge-associate': return { kind, pool: need(o.pool, '--pool', kind), edge: need(o.edge, '--edge', kind) };
    case 'cms-failover': return { kind, planned: o.planned };
    case 'db-failover': return { kind, pool: need(o.pool, '--pool', kind), type: need(o.type, '--type', kind) };
    case 'restore-conference-content': return { kind, pool: need(o.pool, '--pool', kind) };
    default:
      throw new LyncdrError('E_USAGE', `unknown goal "${kind}"; goals: ${GOAL_KINDS.join(', ')}, or "check <steps.json>"`);
  }
}

/** State facts given on the command line (`--down`, `--cms-on`, `--federation-on`), so common cases need no state file. */
export interface StateOptions {
  down?: string[];
  cmsOn?: string;
  federationOn?: string;
}

/**
 * Merges command-line state facts into a state.json document (parsed JSON or undefined); buildState then checks them
 * like any state file. `--down` adds to "down"; `--cms-on` sets "cmsActive"; `--federation-on` sets both federation routes.
 */
export function stateInputWith(input: unknown, o: StateOptions): unknown {
  const down = (o.down ?? []).flatMap((d) => d.split(',')).map((d) => d.trim()).filter((d) => d !== '');
  if (down.length === 0 && !o.cmsOn && !o.federationOn) return input;
  if (input !== undefined && input !== null && (typeof input !== 'object' || Array.isArray(input))) return input;
  const base = { ...((input ?? {}) as Record<string, unknown>) };
  if (down.length > 0) base.down = [...(Array.isArray(base.down) ? (base.down as unknown[]) : []), ...down];
  if (o.cmsOn) base.cmsActive = o.cmsOn.trim();
  if (o.federationOn) {
    const current = typeof base.federation === 'object' && base.federation !== null ? (base.federation as Record<string, unknown>) : {};
    base.federation = { ...current, lync: o.federationOn.trim(), xmpp: o.federationOn.trim() };
  }
  return base;
}
