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
