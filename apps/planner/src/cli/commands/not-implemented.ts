import { LyncdrError } from '@lyncdr/errors';

/** Placeholder action for a command whose implementation has not landed yet. */
export function notImplemented(name: string): never {
  throw new LyncdrError('E_NOT_IMPLEMENTED', `${name}: not implemented yet`);
}
