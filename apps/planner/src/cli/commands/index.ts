import type { Command } from 'commander';
import type { CliContext } from '../context';

/** Registers a command on the program; argv lets a command with subcommands import only the one that runs. */
export type RegisterCommand = (program: Command, ctx: CliContext, argv?: readonly string[]) => void | Promise<void>;

/**
 * A top-level command: its name and one-line summary (what `lyncdr --help` lists) and the module that registers it.
 * The module is imported only when the command runs, so `lyncdr --help` and each command load only what they need
 * (pdfkit, the fonts, zod schemas, yaml, fflate and better-sqlite3 come in with the commands that use them).
 */
export interface LazyCommand {
  name: string;
  summary: string;
  load: () => Promise<RegisterCommand>;
}

/** Every top-level command, in the order `--help` lists them. */
export const commands: LazyCommand[] = [
  { name: 'topology', summary: 'read a Lync topology and show what it holds', load: async () => (await import('./topology')).registerTopology },
  { name: 'inventory', summary: 'list every data item to back up, with host, tool, command, frequency and restore method', load: async () => (await import('./inventory')).registerInventory },
  { name: 'worksheet', summary: 'print the backup worksheets and the restoration worksheet for this deployment', load: async () => (await import('./worksheet')).registerWorksheet },
  { name: 'runbook', summary: 'print a backup, restore or disaster-recovery runbook filled with this deployment', load: async () => (await import('./runbook')).registerRunbook },
  { name: 'documents', summary: 'write every worksheet and runbook (en and fr) into one folder', load: async () => (await import('./documents')).registerDocuments },
  { name: 'plan', summary: 'plan a failover, failback, rebuild or Edge change in the right order, or check a list of steps', load: async () => (await import('./plan')).registerPlan },
  { name: 'readiness', summary: 'would each failover work now: every DR goal planned from a status snapshot, with blockers, RPO and RTO', load: async () => (await import('./readiness')).registerReadiness },
  { name: 'verify', summary: 'check backups offline: SQL Server .bak/.trn chains, a file-store copy, CMS export zips', load: async () => (await import('./verify')).registerVerify },
  { name: 'serve', summary: 'run the planner: agents at /agent, HTTP API, scheduled evaluation and alerts', load: async () => (await import('./serve')).registerServe },
  { name: 'agents', summary: 'manage agent and API tokens of the planner (stored hashed)', load: async () => (await import('./agents')).registerAgents },
  { name: 'db', summary: "the planner's database", load: async () => (await import('./db')).registerDb },
  { name: 'run', summary: 'drills and real runs on a planner: start, tick steps with evidence, finish, report', load: async () => (await import('./run')).registerRun },
];

/** The command that argv runs (`lyncdr help <command>` included), or undefined for the program's own help. */
export function commandOf(argv: readonly string[]): LazyCommand | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return commands.find((c) => c.name === name);
}
