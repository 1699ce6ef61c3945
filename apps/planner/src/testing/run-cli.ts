import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCliContext } from '../cli/context';
import { runCli } from '../cli/program';

/** Repository root (…/apps/planner/src/testing → root). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const example = (...p: string[]) => path.join(repoRoot, 'examples', ...p);

/** Runs the CLI in-process with captured output and a fixed clock. */
export async function run(argv: string[], cwd = repoRoot): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx = createCliContext({ stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd, now: () => new Date('2026-11-22T20:00:00Z') });
  const code = await runCli(argv, ctx);
  return { code, out, err };
}
