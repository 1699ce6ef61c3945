/** The results table: one line per row, whole-process figures first, the in-process column labelled. */
import type { Bench, RowResult, Stats } from './types';

const ms = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);

function figure(s: Stats): string {
  const value = s.unit === 'ms' ? `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})` : `${s.median.toFixed(0)} ${s.unit}${s.runs > 1 ? ` (${s.min.toFixed(0)}–${s.max.toFixed(0)})` : ''}`;
  return `${value}${s.cpuMs === undefined ? '' : `, CPU ${ms(s.cpuMs)}`}${s.rssMb === null ? '' : `, ${s.rssMb.toFixed(0)} MB`}`;
}

/** met / missed against the row's target (ratio of medians, absolute time, peak RSS, minimum value). */
export function verdict(r: RowResult): string {
  const t = r.row.target;
  if (!t) return '';
  const misses: string[] = [];
  if (t.ratioMax !== undefined && (!r.ratio || r.ratio.median > t.ratioMax)) misses.push('ratio');
  if (t.msMax !== undefined && r.ours.median >= t.msMax) misses.push('time');
  if (t.rssMaxMb !== undefined && (r.ours.rssMb ?? Infinity) >= t.rssMaxMb) misses.push('RSS');
  if (t.valueMin !== undefined && r.ours.median < t.valueMin) misses.push('value');
  return misses.length ? `**missed** (${misses.join(', ')})` : 'met';
}

export function formatTable(results: { bench: Bench; rows: RowResult[] }[]): string {
  const lines = [
    '| bench | row | lyncdr: wall median (min–max), CPU, peak RSS | peer: wall median (min–max), CPU, peak RSS | ratio (range) | target | | in-process (second column) | command |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { bench, rows } of results) {
    for (const r of rows) {
      const peer = r.peer && r.row.peer ? `${r.row.peer.label}: ${figure(r.peer)}` : '';
      const ratio = r.ratio ? `${r.ratio.median.toFixed(2)}× (${r.ratio.min.toFixed(2)}–${r.ratio.max.toFixed(2)})` : '';
      const inProc = r.inProcess && r.row.inProcessLabel ? `${r.row.inProcessLabel}: ${r.inProcess.value.toFixed(0)} ${r.inProcess.unit}` : '';
      const note = r.note ? ` ${r.note}` : '';
      lines.push(`| ${bench.id} | ${r.row.title}${note} | ${figure(r.ours)} | ${peer} | ${ratio} | ${r.row.target?.text ?? ''} | ${verdict(r)} | ${inProc} | \`${r.command}\` |`);
    }
  }
  return lines.join('\n') + '\n';
}
