import { countStatuses } from '@lyncdr/domain';
import { itemStatusValues } from '@lyncdr/protocol';
import type { Store } from '@lyncdr/store';
import type { AgentEndpoint } from '../agents/endpoint';
import type { Evaluator } from '../evaluator';
import { VERSION } from '../version';
import type { Route } from '../../http/router';
import { CONTENT_TYPE, createHistogram, formatMetrics, type Family } from './metrics-text';

/** Bucket bounds in seconds: from 1 ms (an ack on an idle planner) to 10 s (a commit stuck behind a slow disk). */
const LATENCY_BOUNDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What the planner measures as it runs; read by `GET /metrics`. */
export interface Metrics {
  /** An agent's report was acked: seconds from the frame's arrival to the ack. */
  observeAck(seconds: number): void;
  /** An evaluation ran for this many seconds. */
  observeEvaluation(seconds: number, at: Date): void;
  /** A ping was taken (`success`, `fail` or `start`). */
  observePing(kind: PingKind): void;
  families(d: MetricsSources): Family[];
}

export type PingKind = 'success' | 'fail' | 'start';

export interface MetricsSources {
  store: Store;
  evaluator: Evaluator;
  endpoint: AgentEndpoint;
  /** More families from other parts of the planner (peer planners: peers/peers.ts). */
  more?: () => Family[];
}

export function createMetrics(): Metrics {
  const acks = createHistogram(LATENCY_BOUNDS);
  const evaluations = createHistogram(LATENCY_BOUNDS);
  let lastEvaluation: Date | null = null;
  const pings: Record<PingKind, number> = { success: 0, fail: 0, start: 0 };
  return {
    observeAck: (s) => acks.observe(s),
    observeEvaluation(s, at) {
      evaluations.observe(s);
      lastEvaluation = at;
    },
    observePing(kind) {
      pings[kind]++;
    },
    families({ store, evaluator, endpoint, more }) {
      const counts = countStatuses(evaluator.latest().items);
      const agents = store.listTokens().filter((t) => t.role === 'agent' && !t.revokedAt);
      return [
        { name: 'lyncdr_build_info', type: 'gauge', help: 'The lyncdr version of this planner (always 1).', samples: [{ labels: { version: VERSION }, value: 1 }] },
        {
          name: 'lyncdr_items', type: 'gauge', help: 'Items of the last evaluation, by status (backup items, probes and drills).',
          samples: itemStatusValues.map((status) => ({ labels: { status }, value: counts[status] })),
        },
        { name: 'lyncdr_agents_connected', type: 'gauge', help: 'Agents connected to /agent now.', samples: [{ value: endpoint.connected().length }] },
        { name: 'lyncdr_agents_registered', type: 'gauge', help: 'Agent tokens that are not revoked.', samples: [{ value: agents.length }] },
        { name: 'lyncdr_reports_stored', type: 'gauge', help: 'Reports kept in the database (raw reports older than retention.rawReportsDays are pruned).', samples: [{ value: store.countReports() }] },
        { name: 'lyncdr_report_ack_seconds', type: 'histogram', help: 'Seconds from the arrival of an agent\'s report to its ack (after the commit).', histogram: acks.state() },
        { name: 'lyncdr_evaluation_seconds', type: 'histogram', help: 'Seconds one policy evaluation took (read, judge, record).', histogram: evaluations.state() },
        {
          name: 'lyncdr_last_evaluation_timestamp_seconds', type: 'gauge', help: 'Unix time of the last evaluation (0 before the first).',
          samples: [{ value: lastEvaluation ? lastEvaluation.getTime() / 1000 : 0 }],
        },
        {
          name: 'lyncdr_pings_total', type: 'counter', help: 'Pings taken on /ping, by kind.',
          samples: (Object.keys(pings) as PingKind[]).map((kind) => ({ labels: { kind }, value: pings[kind] })),
        },
        ...(more?.() ?? []),
      ];
    },
  };
}

/** `GET /metrics`: the Prometheus text format; a read token, or none when reads are open (api.openRead). */
export function metricsRoutes(metrics: Metrics, sources: MetricsSources): Route[] {
  return [{
    method: 'GET', path: '/metrics', role: 'read',
    handle: ({ res }) => {
      const text = formatMetrics(metrics.families(sources));
      res.writeHead(200, { 'content-type': CONTENT_TYPE, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
      res.end(text);
    },
  }];
}
