/**
 * The error base class of lyncdr. Every failure family has a stable `code` (E_TOPOLOGY_PARSE, E_ZIP_LIMIT, E_AUTH…),
 * a message that says what to do, and an optional `cause`. Only `{ code, message }` crosses a process or wire boundary.
 * The codes are closed: `ErrorCode` is the table in codes.ts, so a code that is not there does not typecheck.
 */
import type { ErrorCode } from './codes';

export { ERROR_CODES, type ErrorCode } from './codes';

export interface ErrorLocation {
  /** File the problem is in, as the user named it. */
  file?: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** Element, field or JSON path, when known (e.g. `Cluster[Fqdn=pool1]`, `pairs[0][1]`). */
  where?: string;
}

/**
 * `C` is the code table: `ErrorCode` unless a subclass brings its own (ProtocolError uses the protocol's wire codes).
 * The code argument does not infer `C`, so a misspelt code is a type error rather than a new code.
 */
export class LyncdrError<C extends string = ErrorCode> extends Error {
  readonly code: C;
  readonly location: ErrorLocation;
  /** Exit code a CLI should use: 2 for bad input or usage (the default), 1 for findings. */
  readonly exitCode: number;

  constructor(code: NoInfer<C>, message: string, options: { cause?: unknown; location?: ErrorLocation; exitCode?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LyncdrError';
    this.code = code;
    this.location = options.location ?? {};
    this.exitCode = options.exitCode ?? 2;
  }

  /** `file:line:column: ` prefix for human output, empty when nothing is known. */
  get where(): string {
    const { file, line, column, where } = this.location;
    const pos = [file, line, column].filter((v) => v !== undefined).join(':');
    return [pos, where].filter(Boolean).join(' ');
  }

  toJSON(): { code: C; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** True for a LyncdrError of any code table (its `code` is then read as a plain string). */
export function isLyncdrError(e: unknown): e is LyncdrError<string> {
  return e instanceof LyncdrError;
}

/** Formats any thrown value as one line `CODE: where: message` without a stack trace. */
export function formatError(e: unknown): string {
  if (isLyncdrError(e)) return `${e.code}: ${e.where ? e.where + ': ' : ''}${e.message}`;
  if (e instanceof Error) return `E_INTERNAL: ${e.message}`;
  return `E_INTERNAL: ${String(e)}`;
}
