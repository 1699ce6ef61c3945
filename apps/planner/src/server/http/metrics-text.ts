/**
 * The Prometheus text exposition format (version 0.0.4): one `# HELP` and one `# TYPE` line per family, then its
 * samples. Histograms are written with cumulative `_bucket{le="…"}` samples ending at `+Inf`, then `_sum` and `_count`.
 */

export type Labels = Record<string, string>;

export interface Sample {
  labels?: Labels;
  value: number;
}

export interface Family {
  name: string;
  help: string;
  type: 'gauge' | 'counter' | 'histogram';
  /** Gauges and counters: the samples. */
  samples?: Sample[];
  /** Histograms: the state of one histogram. */
  histogram?: HistogramState;
}

export interface HistogramState {
  /** Upper bounds, ascending. */
  bounds: readonly number[];
  /** Observations per bucket (not cumulative): `counts[i]` for `bounds[i]`, the last one above every bound. */
  counts: readonly number[];
  sum: number;
  count: number;
}

export interface Histogram {
  observe(value: number): void;
  state(): HistogramState;
}

export const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** A histogram with fixed bucket bounds (ascending, positive). */
export function createHistogram(bounds: readonly number[]): Histogram {
  const counts = new Array<number>(bounds.length + 1).fill(0);
  let sum = 0;
  let count = 0;
  return {
    observe(value) {
      if (!Number.isFinite(value)) return;
      const i = bounds.findIndex((b) => value <= b);
      counts[i === -1 ? bounds.length : i]!++;
      sum += value;
      count++;
    },
    state: () => ({ bounds, counts: [...counts], sum, count }),
  };
}

const escapeHelp = (t: string) => t.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const escapeLabel = (t: string) => t.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

/** A sample value: Go's float formatting for the specials, plain numbers otherwise. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

function labelText(labels: Labels | undefined): string {
  const entries = Object.entries(labels ?? {});
  return entries.length ? `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}` : '';
}

/** The exposition text of the families, in their order. */
export function formatMetrics(families: readonly Family[]): string {
  const lines: string[] = [];
  for (const f of families) {
    lines.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`);
    if (f.type === 'histogram') {
      const h = f.histogram ?? { bounds: [], counts: [0], sum: 0, count: 0 };
      let cumulative = 0;
      h.bounds.forEach((b, i) => {
        cumulative += h.counts[i] ?? 0;
        lines.push(`${f.name}_bucket{le="${formatValue(b)}"} ${cumulative}`);
      });
      lines.push(`${f.name}_bucket{le="+Inf"} ${h.count}`, `${f.name}_sum ${formatValue(h.sum)}`, `${f.name}_count ${h.count}`);
    } else {
      for (const s of f.samples ?? []) lines.push(`${f.name}${labelText(s.labels)} ${formatValue(s.value)}`);
    }
  }
  return lines.join('\n') + '\n';
}
