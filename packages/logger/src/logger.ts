import { LOG_LEVELS, jsonLine, prettyLine, type LogLevel, type LogRecord } from './format';

/** Where log records go: a terminal, a rotating file, a test's array. */
export interface LogSink {
  write(rec: LogRecord): void;
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  sinks: LogSink[];
  /** Records below this level are dropped (default info). */
  level?: LogLevel;
  now?: () => Date;
}

export function createLogger(opts: LoggerOptions): Logger {
  const now = opts.now ?? (() => new Date());
  const min = LOG_LEVELS.indexOf(opts.level ?? 'info');
  const at = (level: LogLevel) => {
    if (LOG_LEVELS.indexOf(level) < min) return () => {};
    return (msg: string, fields?: Record<string, unknown>) => {
      const rec: LogRecord = { time: now().toISOString(), level, msg, ...(fields && Object.keys(fields).length ? { fields } : {}) };
      for (const s of opts.sinks) s.write(rec);
    };
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A sink writing one text line per record, key=value (`pretty`) or JSON. */
export function createLineSink(write: (line: string) => void, format: 'pretty' | 'json' = 'pretty'): LogSink {
  const fmt = format === 'json' ? jsonLine : prettyLine;
  return { write: (rec) => write(fmt(rec)) };
}

export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export function isLogLevel(s: string): s is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(s);
}
