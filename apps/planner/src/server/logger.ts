/** One line per event: `<ISO time> <event> key=value …`. Values with spaces are quoted. */
export type Logger = (event: string, fields?: Record<string, unknown>) => void;

export function createLogger(write: (line: string) => void, now: () => Date): Logger {
  return (event, fields = {}) => {
    const parts = Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => {
        const s = typeof v === 'string' ? v : JSON.stringify(v);
        return `${k}=${/[\s"=]/.test(s) ? JSON.stringify(s) : s}`;
      });
    write(`${now().toISOString()} ${event}${parts.length ? ' ' + parts.join(' ') : ''}\n`);
  };
}

export const silentLogger: Logger = () => {};
