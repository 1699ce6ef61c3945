import type { Observation, StatusEntry } from '@lyncdr/protocol';

/**
 * Per-item policy (healthchecks-style): a backup is expected every `periodHours`; it is late once its age exceeds
 * period + grace. Duration bounds catch runs that are too slow or suspiciously fast. `rpoMinutes` bounds the lag of
 * replication checks (Backup Service, CMS replication).
 */
export interface PolicyRule {
  periodHours?: number;
  graceHours?: number;
  maxDurationMs?: number;
  minDurationMs?: number;
  rpoMinutes?: number;
}

/** The newest evidence about one observed subject (what the planner's store returns). */
export interface Evidence {
  observation: Observation;
  /** ISO time the run that produced it finished. */
  observedAt: string;
  durationMs: number;
  runOk: boolean;
  /** Newest good backup time ever seen for this subject. */
  lastGoodEver: string | null;
  /** Durations of recent runs of the same subject, newest first (for anomaly bounds when no rule sets them). */
  recentDurationsMs?: number[];
}

/** What an evaluation needs: the items to judge (id, period in hours, name), the evidence, the rules and the clock. */
export interface PolicyInput {
  deployment: string | null;
  items: { id: string; name: string; frequency: { periodHours: number } }[];
  evidence: Evidence[];
  rules?: Record<string, PolicyRule>;
  defaults?: PolicyDefaults;
  now: Date;
}

export interface PolicyDefaults {
  /** Grace as a fraction of the period (default 0.25), never less than `minGraceHours` (default 1). */
  graceFraction: number;
  minGraceHours: number;
  /** RPO of pool pairing (Backup Service lag); 30 min is the Lync Server 2013 engineering target. */
  backupServiceRpoMinutes: number;
  /** How long CMS replicas may stay out of date. */
  cmsReplicationRpoMinutes: number;
  /** Period at which replication and mirror probes are expected to report. */
  probePeriodHours: number;
  /** How far a good-backup time may lie ahead of `now` (clock skew); a later one is not taken as a good backup. */
  clockSkewMinutes: number;
}

export type Verdict = Pick<StatusEntry, 'status' | 'reason'>;
