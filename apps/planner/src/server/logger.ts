import { formatFields } from '@lyncdr/logger';

/** One line per event: `<ISO time> <event> key=value …`. Values with spaces are quoted (the shared lyncdr format). */
export type Logger = (event: string, fields?: Record<string, unknown>) => void;

export function createLogger(write: (line: string) => void, now: () => Date): Logger {
  return (event, fields = {}) => {
    const kv = formatFields(fields);
    write(`${now().toISOString()} ${event}${kv ? ' ' + kv : ''}\n`);
  };
}

export const silentLogger: Logger = () => {};
