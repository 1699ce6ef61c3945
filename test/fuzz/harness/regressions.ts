import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** test/fuzz/regressions/<target>/: every input that ever failed, replayed before the generated cases. */
export const regressionsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../regressions');

export function regressionFiles(target: string): { file: string; bytes: Uint8Array }[] {
  const dir = path.join(regressionsRoot, target);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.bin'))
    .sort()
    .map((n) => ({ file: path.join(dir, n), bytes: new Uint8Array(readFileSync(path.join(dir, n))) }));
}

/** Keeps a failing input (named by its hash, so a second failure of the same input adds nothing); returns the path. */
export function saveRegression(target: string, bytes: Uint8Array): string {
  const dir = path.join(regressionsRoot, target);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.bin`);
  if (!existsSync(file)) writeFileSync(file, bytes);
  return file;
}
