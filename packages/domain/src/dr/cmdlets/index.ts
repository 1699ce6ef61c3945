/** The cmdlet reference as data (generated per product version) and the check of PowerShell lines against it. */
export type { CmdletEntry, CmdletSet } from './types';
export { CMDLET_SETS, commandProblems, type CommandProblem, type CommandRule, type ProductVersion } from './validate';
export { commandUses, type CommandUse } from './command-uses';
export { ALLOWED_PROGRAMS, allowedProgram } from './programs';
export { PARAMETER_ERRATA } from './errata';
export { closest } from './closest';
