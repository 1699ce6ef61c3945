/** One measured figure. `peer` names the tool measured side by side in the same run, when there is one. */
export interface BenchResult {
  name: string;
  value: number;
  unit: 'ms' | 'MB' | 'ops/s' | 'MB/s' | 'files/s' | 'reports/s' | 'x';
  /** Target the issue sets (e.g. `< 300 ms`), for the table. */
  target?: string;
  peer?: { name: string; value: number };
  /** ours / peer (time) or peer / ours (throughput), as printed in the README. */
  ratio?: number;
  note?: string;
}

export interface Bench {
  /** Short id, used by `pnpm bench <id>`. */
  id: string;
  description: string;
  run(): Promise<BenchResult[]>;
}
