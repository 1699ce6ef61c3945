import type { Command } from 'commander';
import { LyncdrError } from '@lyncdr/errors';
import { openStore as openPlannerStore, type TokenRole } from '@lyncdr/store';
import type { CliContext } from '../context';
import { painter } from '../colors';
import { printJson } from '../io';
import { formatTable } from '../table';
import { hashToken, newToken } from '../../server/agents/tokens';
import { loadPlannerConfig, type ConfigFlags } from '../../server/load-config';
import { tokenStoreAt, type ScopeFlags } from './token-scope';

const ROLES: TokenRole[] = ['agent', 'read', 'admin'];

/** The store the tokens of this command live in: the planner's, a deployment's (--deployment), or the global one (--global). */
async function openStore(flags: ConfigFlags & ScopeFlags, ctx: CliContext, role?: TokenRole) {
  const config = await loadPlannerConfig(flags, ctx.cwd);
  return openPlannerStore({ store: config.store, ...tokenStoreAt(config, flags, role), now: ctx.now });
}

/** `lyncdr agents add|list|revoke|rotate`: per-agent tokens (and read/admin API tokens), stored hashed in the planner DB. */
export function registerAgents(program: Command, ctx: CliContext): void {
  const agents = program.command('agents').description('manage agent and API tokens of the planner (stored hashed)');
  const common = (c: Command) => c.option('--config <planner.yaml>', 'planner config (for its data folder)').option('--data <dir>', 'planner data folder (default ./data)')
    .option('--deployment <name>', 'the deployment the token belongs to (needed when planner.yaml lists deployments:)')
    .option('--global', 'a global admin token, accepted on every deployment and the overview (planner.yaml with deployments:)');

  common(agents.command('add <name>'))
    .description('create a token and print it once (it is stored hashed and cannot be shown again)')
    .option('--role <role>', 'agent (ws endpoint), read or admin (HTTP API)', 'agent')
    .option('--json', 'print JSON')
    .action(async (name: string, o: ConfigFlags & ScopeFlags & { role: string; json?: boolean }) => {
      if (!ROLES.includes(o.role as TokenRole)) throw new LyncdrError('E_USAGE', `--role ${o.role} is not one of ${ROLES.join(', ')}`);
      const store = await openStore(o, ctx, o.role as TokenRole);
      try {
        const token = newToken();
        const rec = store.addToken(name, o.role as TokenRole, hashToken(token));
        if (o.json) printJson(ctx, { name: rec.name, role: rec.role, token });
        else ctx.stdout(`${rec.role} token for ${rec.name} (shown once; keep it in the agent's config):\n${token}\n`);
      } finally {
        store.close();
      }
    });

  common(agents.command('list'))
    .description('list tokens in a table: name, role, state, when each agent was last seen, its version and last runs')
    .option('--json', 'print JSON')
    .action(async (o: ConfigFlags & ScopeFlags & { json?: boolean }) => {
      const store = await openStore(o, ctx);
      try {
        const list = store.listTokens();
        if (o.json) return printJson(ctx, { agents: list });
        if (!list.length) return ctx.stdout('no tokens yet; add one with: lyncdr agents add <name>\n');
        const paint = painter(ctx);
        const rows = list.map((a) => [
          a.name,
          a.role,
          a.revokedAt ? { text: `revoked ${a.revokedAt}`, tone: 'bad' as const } : a.lastSeen ? { text: 'active', tone: 'good' as const } : { text: 'never seen', tone: 'warn' as const },
          a.lastSeen ?? '-',
          a.version ?? '-',
          Object.entries(a.lastRuns).map(([c, t]) => `${c} ${t}`).join(', ') || '-',
        ]);
        ctx.stdout(formatTable(['NAME', 'ROLE', 'STATE', 'LAST SEEN', 'VERSION', 'LAST RUNS'], rows, paint).join('\n') + '\n');
      } finally {
        store.close();
      }
    });

  common(agents.command('revoke <name>'))
    .description('revoke a token: the agent is refused at its next connection')
    .action(async (name: string, o: ConfigFlags & ScopeFlags) => {
      const store = await openStore(o, ctx);
      try {
        if (!store.revokeToken(name)) throw new LyncdrError('E_AGENT_UNKNOWN', `no token named "${name}"; see lyncdr agents list`);
        ctx.stdout(`revoked ${name}\n`);
      } finally {
        store.close();
      }
    });

  common(agents.command('rotate <name>'))
    .description('give a token a new secret and print it once: the old one stops working (a connected agent is closed at its next hello or heartbeat)')
    .option('--json', 'print JSON')
    .action(async (name: string, o: ConfigFlags & ScopeFlags & { json?: boolean }) => {
      const store = await openStore(o, ctx);
      try {
        const old = store.getToken(name);
        if (!old) throw new LyncdrError('E_AGENT_UNKNOWN', `no token named "${name}"; see lyncdr agents list`);
        const token = newToken();
        const rec = store.replaceToken(name, old.role, hashToken(token));
        if (o.json) printJson(ctx, { name: rec.name, role: rec.role, token });
        else ctx.stdout(`new ${rec.role} token for ${rec.name} (shown once; the old one no longer works):\n${token}\n`);
      } finally {
        store.close();
      }
    });
}
