import { observationKinds } from '@lyncdr/collectors';
import { formatDuration } from '@lyncdr/domain';
import type { Observation, Payload } from '@lyncdr/protocol';
import type { AgentFinding } from '@lyncdr/store';

/** Default tolerated difference between an agent's clock and the planner's (planner config `ingest.clockSkewSeconds`). */
export const DEFAULT_CLOCK_SKEW_MS = 5 * 60_000;

export interface ScreenInput {
  /** Envelope id of the report. */
  id: string;
  payload: Payload<'report'>;
  /** When the planner received it, by the planner's clock. */
  receivedAt: Date;
  /** The collectors the agent declared in its hello (this connection's, else its last stored one); null when none. */
  capabilities: readonly string[] | null;
  clockSkewMs: number;
}

export interface Screened {
  /** Set when the whole report is refused: it is not stored, the agent is told, and it stays in its outbox. */
  refused: AgentFinding | null;
  /** The observations to store (those refused one by one are left out). */
  observations: Observation[];
  /** Refusals to show on the agent's card (the whole report's, or one per refused observation). */
  findings: AgentFinding[];
}

/** "3 min ahead of" / "2 h behind" the planner's clock, for messages. */
export function offsetInWords(ms: number): string {
  return `${formatDuration(Math.abs(ms))} ${ms >= 0 ? 'ahead of' : 'behind'} the planner's clock`;
}

/**
 * Checks a report before it is stored, so that an agent's clock or its claims cannot hide a missed backup:
 * - the collector must be one the agent declared in its hello (E_COLLECTOR_UNDECLARED, whole report);
 * - the run may not end later than receive time + the tolerated skew (E_CLOCK_SKEW, whole report: it stays in the
 *   agent's outbox and is accepted once its time has come, if the agent's clock is merely ahead);
 * - an observation must be of a kind its collector produces (E_KIND_NOT_COVERED), and its `lastGood` may not be later
 *   than receive time + skew (E_CLOCK_SKEW): such an observation is refused, the rest of the report is kept.
 */
export function screenReport(input: ScreenInput): Screened {
  const { id, payload: p, receivedAt, clockSkewMs } = input;
  const at = receivedAt.toISOString();
  const received = receivedAt.getTime();
  const limit = received + clockSkewMs;
  const finding = (code: string, message: string): AgentFinding => ({ at, code, message, ref: id });
  const refuse = (f: AgentFinding): Screened => ({ refused: f, observations: [], findings: [f] });
  const skew = formatDuration(clockSkewMs);

  const caps = input.capabilities?.length ? input.capabilities : null;
  if (!caps || !caps.includes(p.collector)) {
    return refuse(finding('E_COLLECTOR_UNDECLARED', caps
      ? `report from collector "${p.collector}", which this agent did not declare in its hello (it declared ${caps.join(', ')}); refused`
      : `report from collector "${p.collector}" before any hello declared the agent's collectors; refused`));
  }
  for (const [field, value] of [['finishedAt', p.finishedAt], ['startedAt', p.startedAt]] as const) {
    const t = Date.parse(value);
    if (t > limit) {
      return refuse(finding('E_CLOCK_SKEW', `the ${p.collector} run is dated ${value} (${field}), ${offsetInWords(t - received)}, more than the ${skew} tolerated; check the agent's clock: the report stays in its outbox`));
    }
  }
  const kinds = observationKinds[p.collector];
  const findings: AgentFinding[] = [];
  const observations = p.observations.filter((o) => {
    if (kinds && !kinds.includes(o.kind)) {
      findings.push(finding('E_KIND_NOT_COVERED', `an observation of kind "${o.kind}" (${o.itemId ?? o.subject}) does not come from collector "${p.collector}"; refused`));
      return false;
    }
    const good = o.lastGood ? Date.parse(o.lastGood) : Number.NaN;
    if (good > limit) {
      findings.push(finding('E_CLOCK_SKEW', `last good backup of ${o.itemId ?? o.subject} dated ${o.lastGood}, ${offsetInWords(good - received)}, more than the ${skew} tolerated; refused, not taken as a good backup: check the agent's clock`));
      return false;
    }
    return true;
  });
  return { refused: null, observations, findings };
}

/**
 * The agent's clock minus the planner's, from the `sentAt` of a live message (hello, heartbeat; not a report, which may
 * have waited in the outbox), and a finding for the agent's card when it is beyond the tolerated skew. The offset
 * includes the network delay.
 */
export function clockOnHello(sentAt: string, receivedAt: Date, clockSkewMs: number): { clockOffsetMs: number; findings: AgentFinding[] } {
  const sent = Date.parse(sentAt);
  const clockOffsetMs = Number.isFinite(sent) ? sent - receivedAt.getTime() : 0;
  if (Math.abs(clockOffsetMs) <= clockSkewMs) return { clockOffsetMs, findings: [] };
  return {
    clockOffsetMs,
    findings: [{
      at: receivedAt.toISOString(), code: 'E_CLOCK_SKEW', ref: null,
      message: `the agent's clock is ${offsetInWords(clockOffsetMs)} (more than the ${formatDuration(clockSkewMs)} tolerated); times later than the planner's clock are refused: synchronise it (w32tm /resync)`,
    }],
  };
}

/** The `ref` of an E_OUTBOX_DROPPED finding: the agent's drop counter when it was recorded. */
const DROPPED_REF = /^dropped:(\d+)$/;

/**
 * A finding for the agent's card when its hello tells of reports it dropped from its outbox without this planner's ack
 * (this planner stayed out of reach past the agent's retention) and the count grew since the last such finding: those
 * reports will never reach this planner, and that is said, never silent.
 */
export function droppedOnHello(dropped: number | undefined, previous: readonly AgentFinding[], receivedAt: Date): AgentFinding[] {
  if (!dropped) return [];
  const last = previous.find((f) => f.code === 'E_OUTBOX_DROPPED');
  const known = Number(DROPPED_REF.exec(last?.ref ?? '')?.[1] ?? 0);
  if (dropped <= known) return [];
  return [{
    at: receivedAt.toISOString(), code: 'E_OUTBOX_DROPPED', ref: `dropped:${dropped}`,
    message: `the agent dropped ${dropped - known} report(s) meant for this planner (${dropped} in all) after its outbox retention while this planner was out of reach; they will not arrive here: read them on the other planner`,
  }];
}
