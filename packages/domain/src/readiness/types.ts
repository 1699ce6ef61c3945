/**
 * Types of DR readiness (docs/readiness.md): for every goal the DR engine can plan, would its disaster variant work
 * now, how much would be lost (RPO exposure) and how long would it take (RTO estimate), from the newest observations.
 */
import type { StatusEntry } from '@lyncdr/protocol';
import type { Evidence } from '../policy/model';

export type ReadinessStatus = 'ready' | 'at-risk' | 'blocked';

/** One fact of the live DR state: what it is, its value (`unknown` when stale or never reported), where it came from, how old. */
export interface ReadinessFact {
  /** e.g. `backupService:pool01.contoso.example>pool02.contoso.example`, `edgeNextHop:edge01.contoso.example`. */
  fact: string;
  value: string | number | boolean | null;
  /** The status item or observation the value comes from (`backup-service:pool01…`, `export:configuration`), or `topology`. */
  source: string;
  /** Seconds since the value was observed, null when it comes from the topology (or was never observed). */
  ageSeconds: number | null;
}

/** Why a goal is not ready: a stable code, English words, the plan step it concerns (or null) and the words' parameters. */
export interface ReadinessBlocker {
  code: BlockerCode;
  message: string;
  step: number | null;
  params: Record<string, unknown>;
}

export const blockerCodes = [
  'plan-impossible', 'no-backup-pool', 'edge-next-hop-on-failed-pool', 'step-would-fail', 'backup-service-error',
  'backup-service-backlog', 'cms-replica-stale', 'mirror-not-synchronized', 'copy-late', 'facts-unknown',
  'rpo-over-target', 'rto-over-target',
] as const;
export type BlockerCode = (typeof blockerCodes)[number];

/** Blockers that stop a goal (blocked); every other code only puts it at risk. */
export const BLOCKING_CODES: ReadonlySet<BlockerCode> = new Set<BlockerCode>([
  'plan-impossible', 'no-backup-pool', 'edge-next-hop-on-failed-pool', 'step-would-fail', 'backup-service-error', 'mirror-not-synchronized',
]);

export interface ReadinessTargets {
  rpoMinutes: number | null;
  rtoMinutes: number | null;
}

export interface GoalReadiness {
  /** A goal kind of `lyncdr plan` (GOAL_KINDS). */
  goal: string;
  /** Its options, as `lyncdr plan` takes them (pool, federation, type). */
  args: Record<string, string>;
  status: ReadinessStatus;
  blockers: ReadinessBlocker[];
  /** What would be lost now, in seconds; null when a fact it depends on is unknown. */
  rpoSeconds: number | null;
  /** Sum of the steps' expected durations, in minutes; null when the goal cannot be planned or no step has a figure. */
  rtoMinutes: number | null;
  /** lyncdr.yaml `targets:` for this goal's pool (per pool first), null when none is set. */
  targets: ReadinessTargets | null;
  facts: ReadinessFact[];
  /** The `lyncdr plan …` command line that prints the disaster variant's plan. */
  plan: string;
}

export interface ReadinessReport {
  generatedAt: string;
  goals: GoalReadiness[];
}

/** An agent as the planner knows it: the computer it runs on (its hello), whether it is connected, when last seen. */
export interface AgentReach {
  name: string;
  host: string | null;
  connected: boolean;
  lastSeen: string | null;
}

export interface ReadinessInput {
  /** The judged items (the policy's status snapshot items, or a `--status` snapshot file's). */
  items: readonly StatusEntry[];
  /** When the items were judged (the snapshot's generatedAt); facts age from there when no observation says more. */
  judgedAt: string;
  /** The newest observations (the planner's store), for observation times and what the items do not carry. */
  evidence?: readonly Evidence[];
  /** The agents (the planner's): a pool whose every agent has been unreachable for a while is down in the live state. */
  agents?: readonly AgentReach[];
  now: Date;
}
