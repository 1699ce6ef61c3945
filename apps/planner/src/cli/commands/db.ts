import path from 'node:path';
import type { Command } from 'commander';
import { LyncdrError } from '@lyncdr/errors';
import { backupDatabaseFile, redactUrl } from '@lyncdr/store';
import type { CliContext } from '../context';
import { printJson } from '../io';
import { dbFile, loadPlannerConfig, type ConfigFlags } from '../../server/load-config';
import { tokenStoreAt } from './token-scope';

/** `lyncdr db backup`: the planner's own database, copied with SQLite's online backup API and checked. */
export function registerDb(program: Command, ctx: CliContext): void {
  const db = program.command('db').description("the planner's database");
  db.command('backup <out>')
    .description('copy the planner database (safe while it runs) and check that the copy opens and holds the data')
    .option('--config <planner.yaml>', 'planner config (for its data folder)')
    .option('--data <dir>', 'planner data folder (default ./data)')
    .option('--deployment <name>', "one deployment's database (planner.yaml with deployments:); without it, the planner's own (global tokens)")
    .option('--json', 'print JSON')
    .action(async (out: string, o: ConfigFlags & { json?: boolean; deployment?: string }) => {
      const config = await loadPlannerConfig(o, ctx.cwd);
      const file = o.deployment === undefined ? dbFile(config) : tokenStoreAt(config, { deployment: o.deployment }).file;
      if (config.store) {
        throw new LyncdrError('E_STORE_BACKUP', `the planner store is on PostgreSQL (${redactUrl(config.store)}): back it up with PostgreSQL's tools, for example pg_dump --schema=lyncdr, or keep a standby with streaming replication (docs/operations.md)`);
      }
      const check = await backupDatabaseFile(file, path.resolve(ctx.cwd, out));
      if (o.json) return printJson(ctx, check);
      ctx.stdout(`backed up ${file} to ${check.out}: ${check.pages} pages, integrity ${check.integrity}, ${check.reports} reports, ${check.tokens} tokens\n`);
    });
}
