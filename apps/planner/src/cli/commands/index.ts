import type { Command } from 'commander';
import type { CliContext } from '../context';
import { registerTopology } from './topology';
import { registerInventory } from './inventory';
import { registerWorksheet } from './worksheet';
import { registerRunbook } from './runbook';
import { registerPlan } from './plan';
import { registerVerify } from './verify';
import { registerServe } from './serve';
import { registerAgents } from './agents';
import { registerDb } from './db';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/** Every top-level command, in the order `--help` lists them. */
export const commands: RegisterCommand[] = [
  registerTopology,
  registerInventory,
  registerWorksheet,
  registerRunbook,
  registerPlan,
  registerVerify,
  registerServe,
  registerAgents,
  registerDb,
];
