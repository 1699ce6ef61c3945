import { createLineSink, createLogger, type Logger } from '@lyncdr/logger';

export { silentLogger, type Logger } from '@lyncdr/logger';

/** key=value lines with time and level on stderr (the terminal, or the service wrapper's log). */
export function createStderrLogger(write: (line: string) => void = (l) => process.stderr.write(l), now?: () => Date): Logger {
  return createLogger({ sinks: [createLineSink(write, 'pretty')], now });
}
