/**
 * The lyncdr logger, shared by the agent and the planner: each record has a time, a level, a message and fields;
 * sinks print it as `key=value` on a terminal or as JSON lines in a folder rotated by size.
 *
 * ```ts
 * const log = createLogger({ sinks: [createLineSink((l) => process.stderr.write(l)), createRotatingFileSink({ dir })] });
 * log.info('connected', { url });
 * ```
 */
export { createLogger, createLineSink, silentLogger, isLogLevel, type Logger, type LoggerOptions, type LogSink } from './logger';
export { createRotatingFileSink, type RotatingFileOptions, type RotatingFileSink } from './rotating-file';
export { formatFields, prettyLine, jsonLine, LOG_LEVELS, type LogLevel, type LogRecord } from './format';
