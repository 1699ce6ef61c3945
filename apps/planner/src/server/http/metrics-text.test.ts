import { describe, expect, it } from 'vitest';
import { createHistogram, formatMetrics, formatValue } from './metrics-text';

describe('Prometheus text format', () => {
  it('writes HELP and TYPE before the samples, escapes label values and help text', () => {
    const text = formatMetrics([
      { name: 'x_items', type: 'gauge', help: 'Items\\by "status"\nand more', samples: [{ labels: { status: 'o"k\\\n' }, value: 3 }, { value: 0.5 }] },
    ]);
    expect(text).toBe('# HELP x_items Items\\\\by "status"\\nand more\n# TYPE x_items gauge\nx_items{status="o\\"k\\\\\\n"} 3\nx_items 0.5\n');
  });

  it('writes histogram buckets cumulative, ending at +Inf with the count, then sum and count', () => {
    const h = createHistogram([0.1, 1]);
    for (const v of [0.05, 0.1, 0.5, 3, Number.NaN]) h.observe(v);
    const text = formatMetrics([{ name: 'x_seconds', type: 'histogram', help: 'h', histogram: h.state() }]);
    expect(text.split('\n')).toEqual([
      '# HELP x_seconds h', '# TYPE x_seconds histogram',
      'x_seconds_bucket{le="0.1"} 2', 'x_seconds_bucket{le="1"} 3', 'x_seconds_bucket{le="+Inf"} 4',
      'x_seconds_sum 3.65', 'x_seconds_count 4', '',
    ]);
  });

  it('says the special values as Prometheus does', () => {
    expect([Number.NaN, Infinity, -Infinity, 2].map(formatValue)).toEqual(['NaN', '+Inf', '-Inf', '2']);
  });
});
