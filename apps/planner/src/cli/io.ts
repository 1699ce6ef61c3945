import { createHash, randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readRegularFile } from '@lyncdr/collectors';
import { LyncdrError } from '@lyncdr/errors';
import type { Format } from '@lyncdr/render';
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

/** A flag's value when it is one of `allowed`, else E_USAGE naming the flag and the choices. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new LyncdrError('E_USAGE', `${flag} "${value}" is not supported; use one of ${allowed.join(', ')}`, { location: { where: flag } });
}

const EXTENSIONS: Record<string, Format> = { '.pdf': 'pdf', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html' };

/** Output format from --format, else from the -o extension. */
export function formatFor(output: string, format: string | undefined): Format {
  if (format) return oneOf(format, ['pdf', 'md', 'html'] as const, '--format');
  const f = EXTENSIONS[path.extname(output).toLowerCase()];
  if (!f) throw new LyncdrError('E_USAGE', `cannot tell the format of ${output} from its extension; add --format pdf|md|html or name the file .pdf, .md or .html`);
  return f;
}

/** Where a document goes: a file (resolved against the working directory), or stdout when `file` is null. */
export interface OutputTarget {
  file: string | null;
  format: Format;
}

/**
 * The destination of `-o`: a file, its format from --format or its extension; `-o -` is stdout (Markdown unless
 * --format says otherwise); no -o with --format md or html is stdout too. A PDF goes to stdout only when asked with
 * `-o -`. `example` is the file name shown when -o is missing.
 */
export function outputTarget(output: string | undefined, format: string | undefined, example: string): OutputTarget {
  const chosen = format === undefined ? undefined : oneOf(format, ['pdf', 'md', 'html'] as const, '--format');
  if (output === '-') return { file: null, format: chosen ?? 'md' };
  if (output !== undefined) return { file: output, format: formatFor(output, format) };
  if (chosen === 'md' || chosen === 'html') return { file: null, format: chosen };
  if (chosen === 'pdf') throw new LyncdrError('E_USAGE', `a PDF is not printed on the terminal: add -o <file> (e.g. -o ${example}), or -o - to send it down a pipe`);
  throw new LyncdrError('E_USAGE', `missing -o <out>: name the file to write (e.g. -o ${example}), or print it with -o - (Markdown) or --format md|html`);
}

/** Writes the document where the target says; returns the full path of the file written, or null for stdout. */
export async function emitOutput(ctx: { stdout: (t: string | Uint8Array) => void; cwd: string }, target: OutputTarget, data: string | Uint8Array): Promise<string | null> {
  if (target.file === null) {
    ctx.stdout(data);
    return null;
  }
  return writeOutputAtomic(target.file, data, ctx.cwd);
}

/** Short sha256 of the input bytes (topology, overlay, status), printed in the document header. */
export function inputRevision(parts: Uint8Array[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(String(p.length) + ':');
    h.update(p);
  }
  return h.digest('hex').slice(0, 12);
}
