import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readRegularFile } from '@lyncdr/collectors';
import { LyncdrError } from '@lyncdr/errors';
import { applyOverlay, parseOverlay, parseTopologyDocument, type Topology } from '@lyncdr/topology';

/** Largest topology or overlay file the CLI reads (a real published topology is well under 5 MB). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * Reads an input file, turning the usual failures into E_INPUT errors that name the file and what to do. Only regular
 * files are read (a device, FIFO or socket is refused), and the byte limit holds while reading.
 */
export async function readInput(file: string, cwd: string, what: string, maxBytes = MAX_INPUT_BYTES): Promise<Buffer> {
  return readRegularFile(path.resolve(cwd, file), { what, shown: file, maxBytes });
}

/** Loads a topology (published XML, .tbxml or CMS export zip) and applies the overlay when one is given. */
export async function loadDeployment(file: string, overlay: string | undefined, cwd: string): Promise<Topology> {
  const bytes = await readInput(file, cwd, 'topology');
  let topology = parseTopologyDocument(new Uint8Array(bytes), { file });
  if (overlay) {
    const text = (await readInput(overlay, cwd, 'overlay')).toString('utf8');
    topology = applyOverlay(topology, parseOverlay(text, { file: overlay }));
  }
  return topology;
}

/** Writes a file atomically: to a temporary file beside it, then renamed, so a failure never leaves half a file. */
export async function writeOutputAtomic(file: string, data: string | Uint8Array, cwd: string): Promise<string> {
  const full = path.resolve(cwd, file);
  const tmp = path.join(path.dirname(full), `.${path.basename(full)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, full);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new LyncdrError('E_OUTPUT', `cannot write ${file}: ${(e as Error).message}; check that the folder exists and is writable`, { cause: e });
  }
  return full;
}

export function printJson(ctx: { stdout: (t: string) => void }, value: unknown): void {
  ctx.stdout(JSON.stringify(value, null, 2) + '\n');
}
