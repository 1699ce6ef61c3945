import type { Command } from 'commander';
import { buildInventory } from '@lyncdr/domain';
import type { CliContext } from '../context';
import { loadDeployment, printJson } from '../io';
import { formatInventory } from './inventory-format';

/** `lyncdr inventory <file> [--overlay lyncdr.yaml] [--json]` (DESIGN §4): what must be backed up, where, how, how often. */
export function registerInventory(program: Command, ctx: CliContext): void {
  program
    .command('inventory')
    .description('list every data item to back up (and those that need none, with the reason): host, scope, tool, exact command, frequency, restore method')
    .argument('<file>', 'published topology (Get-CsTopology -AsXml), Topology Builder .tbxml or Export-CsConfiguration zip')
    .option('--overlay <file>', 'lyncdr.yaml with pairs, owners, destinations, schedules, targets')
    .option('--json', 'print one JSON document { deployment, items, notBackedUp, findings, backupService } and nothing else')
    .addHelpText('after', '\nExit codes: 0 ok (findings are listed, not fatal), 2 bad input or usage.')
    .action(async (file: string, opts: { overlay?: string; json?: boolean }) => {
      const topology = await loadDeployment(file, opts.overlay, ctx.cwd);
      const inventory = buildInventory(topology);
      if (opts.json) {
        printJson(ctx, {
          deployment: inventory.deployment ?? null,
          items: inventory.items,
          notBackedUp: inventory.notBackedUp,
          findings: [...topology.findings, ...(inventory.findings ?? [])],
          backupService: inventory.backupService,
        });
      } else {
        ctx.stdout(formatInventory(topology, inventory));
      }
      ctx.exitCode = 0;
    });
}
