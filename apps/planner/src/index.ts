export { runCli, buildProgram, VERSION } from './cli/program';
export { createCliContext, type CliContext } from './cli/context';
