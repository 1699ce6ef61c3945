import { LyncdrError, type ErrorLocation } from '@lyncdr/errors';

/**
 * What is wrong with a zip, finer than the error code: a reader that reports instead of throwing (the agent's
 * streamed check) turns it into its own finding code, and the code follows from it.
 */
export type ZipProblem =
  | 'not-zip'
  | 'truncated'
  | 'damaged'
  | 'crc'
  | 'overflow'
  | 'too-many-entries'
  | 'too-large'
  | 'unsafe-name'
  | 'encrypted'
  | 'method';

const CODES = {
  'not-zip': 'E_ZIP_CORRUPT',
  truncated: 'E_ZIP_CORRUPT',
  damaged: 'E_ZIP_CORRUPT',
  crc: 'E_ZIP_CORRUPT',
  overflow: 'E_ZIP_CORRUPT',
  'too-many-entries': 'E_ZIP_LIMIT',
  'too-large': 'E_ZIP_LIMIT',
  'unsafe-name': 'E_ZIP_PATH',
  encrypted: 'E_ZIP_UNSUPPORTED',
  method: 'E_ZIP_UNSUPPORTED',
} as const satisfies Record<ZipProblem, string>;

/** A zip that cannot be read or is refused: an `E_ZIP_*` LyncdrError that also says which problem it is. */
export class ZipError extends LyncdrError {
  readonly problem: ZipProblem;

  constructor(problem: ZipProblem, message: string, location: ErrorLocation, cause?: unknown) {
    super(CODES[problem], message, { location, cause });
    this.name = 'ZipError';
    this.problem = problem;
  }
}
