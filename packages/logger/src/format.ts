/** One log event: when, how serious, what, and its fields. */
export interface LogRecord {
  time: string;
  level: LogLevel;
  msg: string;
  fields?: Record<string, unknown>;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `key=value key2="with spaces"`: strings as they are unless they hold a space, a quote or `=`; other values as JSON. */
export function formatFields(fields: Record<string, unknown> = {}): string {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
      return `${k}=${/[\s"=]/.test(s) ? JSON.stringify(s) : s}`;
    })
    .join(' ');
}

/** The terminal form: `<ISO time> INFO  message key=value …`. */
export function prettyLine(rec: LogRecord): string {
  const kv = formatFields(rec.fields);
  return `${rec.time} ${rec.level.toUpperCase().padEnd(5)} ${rec.msg}${kv ? ' ' + kv : ''}\n`;
}

/** The file form: one JSON object per line, `time`, `level` and `msg` first, then the fields (which cannot replace them). */
export function jsonLine(rec: LogRecord): string {
  return JSON.stringify({ ...rec.fields, time: rec.time, level: rec.level, msg: rec.msg }, (_k, v: unknown) => (v instanceof Error ? v.message : v)) + '\n';
}
