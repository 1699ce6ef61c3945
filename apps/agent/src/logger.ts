import { createLineSink, createLogger, type Logger } from '@lyncdr/logger';

export { silentLogger, type Logger } from '@lyncdr/logger';

/** key=value lines with time and level on stderr (the terminal, or the service wrapper's log). */
export function createStderrLogger(write: (line: string) => void = (l) => process.stderr.write(l), now?: () => Date): Logger {
  return createLogger({ sinks: [createLineSink(write, 'pretty')], now });
}

/** A logger adding these fields to every record (e.g. the planner a connection talks to). */
export function withFields(logger: Logger, fields: Record<string, unknown>): Logger {
  const at = (fn: Logger['info']) => (msg: string, more?: Record<string, unknown>) => fn(msg, { ...fields, ...more });
  return { debug: at(logger.debug), info: at(logger.info), warn: at(logger.warn), error: at(logger.error) };
}
