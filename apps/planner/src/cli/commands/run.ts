import type { Command } from 'commander';
import type { CliContext } from '../context';
import type { RegisterCommand } from './index';

/** The `run` subcommands: name, one-line summary, and the module that registers it (imported only when it runs). */
const subcommands: { name: string; summary: string; load: () => Promise<RegisterCommand> }[] = [
  { name: 'start', summary: 'start a drill or a real run of a plan on the planner (the plan is frozen at its start)', load: async () => (await import('./run-start')).registerRunStart },
  { name: 'step', summary: 'set a step of a run running, done, failed or skipped, with a note and evidence', load: async () => (await import('./run-step')).registerRunStep },
  { name: 'finish', summary: 'finish a run (completed or abandoned) and print the measured figures', load: async () => (await import('./run-finish')).registerRunFinish },
  { name: 'report', summary: 'write the drill report of a run (PDF, en or fr) from the planner', load: async () => (await import('./run-report')).registerRunReport },
];

/** Registers `run`; of its subcommands only the one argv runs is imported. */
export async function registerRun(program: Command, ctx: CliContext, argv: readonly string[] = []): Promise<void> {
  const run = program
    .command('run')
    .description('Drills and real runs against a planner (--planner URL --token-file F): start, tick steps with evidence, finish, report.');
  const words = argv.filter((a) => !a.startsWith('-'));
  const at = words.indexOf('run');
  const name = words[at + 1] === 'help' ? words[at + 2] : words[at + 1];
  for (const s of subcommands) {
    if (s.name === name) (await s.load())(run, ctx);
    else run.command(s.name).summary(s.summary);
  }
}
