import type { AgentTouch, AsyncCommitter, ReportInput } from '@lyncdr/store';

export interface ReportWriter {
  /** Resolves once the report's transaction is committed (or it was found to be a duplicate). */
  submit(report: ReportInput): Promise<{ duplicate: boolean }>;
  /** Queues an agent's last-seen data; written with the next batch (the latest touch per agent wins). */
  touch(t: AgentTouch): void;
  /** Resolves when everything queued so far is committed. */
  drain(): Promise<void>;
  readonly pending: number;
}

/** Reports are the same when the same agent sent the same id; two agents may use the same id. */
const reportKey = (r: ReportInput) => `${r.agentId}\u0000${r.id}`;

interface Queued {
  report: ReportInput;
  resolve: (r: { duplicate: boolean }) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit: one batch is in flight at a time; reports that arrive meanwhile form the next batch, so under load the
 * fsync of `synchronous = FULL` is paid once per batch rather than once per report. An ack is sent only after `submit`
 * resolves, that is after the commit.
 */
export function createReportWriter(committer: AsyncCommitter, maxBatch = 500, onSlow?: (ms: number, reports: number) => void): ReportWriter {
  let queue: Queued[] = [];
  let touches = new Map<string, AgentTouch>();
  /** Batches handed to the committer and not yet answered: one, so that the next batch gathers during the fsync. */
  let inFlight = 0;
  const MAX_IN_FLIGHT = 1;
  let scheduled = false;
  let idle: (() => void)[] = [];

  const settleIdle = () => {
    if (!inFlight && !queue.length && !touches.size) {
      for (const f of idle) f();
      idle = [];
    }
  };

  const run = async () => {
    scheduled = false;
    if (inFlight >= MAX_IN_FLIGHT) return;
    if (!queue.length && !touches.size) return settleIdle();
    inFlight++;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    const t = [...touches.values()];
    touches = new Map();
    // A report id repeated by the same agent inside one batch is stored once; the later copies are duplicates.
    const seen = new Set<string>();
    const unique = batch.filter((b) => !seen.has(reportKey(b.report)) && seen.add(reportKey(b.report)));
    const started = performance.now();
    try {
      // The committer answers per report in input order.
      const results = await committer.commit(unique.map((b) => b.report), t);
      const duplicateOf = new Map(unique.map((b, i) => [reportKey(b.report), results[i]?.duplicate ?? false]));
      const first = new Set<string>();
      for (const b of batch) {
        const key = reportKey(b.report);
        const isFirst = !first.has(key);
        first.add(key);
        b.resolve({ duplicate: isFirst ? (duplicateOf.get(key) ?? false) : true });
      }
    } catch (e) {
      for (const b of batch) b.reject(e);
    }
    const ms = performance.now() - started;
    if (ms > 250) onSlow?.(Math.round(ms), batch.length);
    inFlight--;
    if (queue.length || touches.size) schedule();
    else settleIdle();
  };

  const schedule = () => {
    if (scheduled || inFlight >= MAX_IN_FLIGHT) return;
    scheduled = true;
    setImmediate(() => void run());
  };

  return {
    submit(report) {
      return new Promise((resolve, reject) => {
        queue.push({ report, resolve, reject });
        schedule();
      });
    },
    touch(t) {
      const prev = touches.get(t.name);
      // Refusals add up until the next batch; the other fields keep their latest known value.
      const findings = [...(prev?.findings ?? []), ...(t.findings ?? [])];
      touches.set(t.name, {
        ...prev, ...t, version: t.version ?? prev?.version, host: t.host ?? prev?.host, collectors: t.collectors ?? prev?.collectors,
        clockOffsetMs: t.clockOffsetMs ?? prev?.clockOffsetMs, ...(findings.length ? { findings } : {}),
      });
      schedule();
    },
    drain() {
      return new Promise((resolve) => {
        idle.push(resolve);
        if (!inFlight && !scheduled) settleIdle();
      });
    },
    get pending() {
      return queue.length;
    },
  };
}
