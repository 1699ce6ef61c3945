/**
 * What a change to a run records (pure): the step's new status with its note, reason and evidence, or a coded refusal.
 * Steps go pending → running → done / failed / skipped; a failed step can be retried (running again) or skipped; done
 * and skipped are final (a note or evidence can still be added). Skipping needs a reason, and so does changing a step
 * while earlier ones are still open (out of order) — the checker says whether the new order still replays.
 */
import { LyncdrError } from '@lyncdr/errors';
import type { EvidenceRef, FinishedData, RunOutcome, RunState, StepData, StepStatus } from './types';

export interface StepChange {
  n: number;
  status: StepStatus;
  note?: string;
  reason?: string;
  evidence?: EvidenceRef;
}

const NEXT: Record<StepStatus, readonly StepStatus[]> = {
  pending: ['running', 'done', 'failed', 'skipped'],
  running: ['done', 'failed', 'skipped', 'pending'],
  failed: ['running', 'done', 'skipped', 'pending'],
  done: [],
  skipped: [],
};

function notFinished(state: RunState): void {
  if (state.outcome !== null) throw new LyncdrError('E_RUN_FINISHED', `run ${state.id} was ${state.outcome} at ${state.finishedAt}; it cannot change any more`);
}

/**
 * The event data of a step change. `replays(order)` replays the plan's steps in the order given (step numbers) and
 * says whether the checker accepts it; it is asked only for an out-of-order change.
 */
export function decideStep(state: RunState, change: StepChange, replays: (order: number[]) => boolean | null = () => null): StepData {
  notFinished(state);
  const current = state.steps.find((s) => s.step.n === change.n);
  if (!current) throw new LyncdrError('E_RUN_STEP_UNKNOWN', `run ${state.id} has no step ${change.n}; its steps are 1 to ${state.steps.length}`);
  const { status } = change;
  if (status === current.status) {
    if (!change.note && !change.evidence && !change.reason) throw new LyncdrError('E_RUN_TRANSITION', `step ${change.n} is already ${status}; send a note or evidence to add to it`);
  } else if (!NEXT[current.status].includes(status)) {
    throw new LyncdrError('E_RUN_TRANSITION', `step ${change.n} is ${current.status}; it cannot become ${status}${current.status === 'done' || current.status === 'skipped' ? ' (a finished step only takes notes and evidence)' : ''}`);
  }
  if (status === 'skipped' && status !== current.status && !change.reason) {
    throw new LyncdrError('E_RUN_TRANSITION', `skipping step ${change.n} needs a reason (why it is not done)`);
  }
  const data: StepData = { n: change.n, status };
  if (change.note) data.note = change.note;
  if (change.reason) data.reason = change.reason;
  if (change.evidence) data.evidence = change.evidence;
  const moving = status !== current.status && (status === 'running' || status === 'done' || status === 'skipped');
  const open = moving ? state.steps.filter((s) => s.step.n < change.n && (s.status === 'pending' || s.status === 'failed')).map((s) => s.step.n) : [];
  if (open.length > 0) {
    if (!change.reason) {
      throw new LyncdrError('E_RUN_TRANSITION', `step ${change.n} comes after step${open.length > 1 ? 's' : ''} ${open.join(', ')}, not done yet; say why it is done out of order (reason)`);
    }
    const doneOrder = state.steps
      .filter((s) => s.status === 'done')
      .sort((a, b) => (a.endedAt ?? '').localeCompare(b.endedAt ?? '') || a.step.n - b.step.n)
      .map((s) => s.step.n);
    data.outOfOrder = { open, replays: status === 'skipped' ? null : replays([...doneOrder, change.n]) };
  }
  return data;
}

/** The event data of finishing a run: completed only when every step is done or skipped; abandoned any time. */
export function decideFinish(state: RunState, outcome: RunOutcome, note?: string): FinishedData {
  notFinished(state);
  if (outcome === 'completed') {
    const open = state.steps.filter((s) => s.status !== 'done' && s.status !== 'skipped').map((s) => s.step.n);
    if (open.length > 0) {
      throw new LyncdrError('E_RUN_NOT_DONE', `steps ${open.join(', ')} are neither done nor skipped; finish them, or finish the run as abandoned`);
    }
  }
  return note ? { outcome, note } : { outcome };
}
