import path from 'node:path';
import { createLineSink, createLogger, createRotatingFileSink, type Logger } from '@lyncdr/logger';
import type { PlannerConfig } from './config';

export interface PlannerLogger {
  log: Logger;
  /** The JSON log file (`<dir>/planner.log`). */
  file: string;
  close(): void;
}

/**
 * The planner's log: `key=value` lines on the terminal and JSON lines in `planner.log` (in `logging.dir`, else
 * `<data>/logs`), rotated by size. When the folder cannot be written it says so once and goes on with the terminal.
 */
export function createPlannerLogger(config: PlannerConfig, o: { terminal: (line: string) => void; now: () => Date }): PlannerLogger {
  const dir = config.logging.dir ?? path.join(config.data, 'logs');
  const sink = createRotatingFileSink({
    dir, name: 'planner', maxBytes: config.logging.maxBytes, keep: config.logging.keep,
    onError: (e) => o.terminal(`lyncdr: cannot write logs in ${dir} (${e.message}); logging to the terminal only\n`),
  });
  const log = createLogger({ sinks: [createLineSink(o.terminal, 'pretty'), sink], level: config.logging.level, now: o.now });
  return { log, file: sink.file, close: () => sink.close() };
}
