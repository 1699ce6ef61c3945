/** A run's state from its events (pure): the only way a run is read, so its history is the truth. */
import { LyncdrError } from '@lyncdr/errors';
import type { RunEvent, RunState, StepState } from './types';

function openStep(step: RunState['steps'][number]['step']): StepState {
  return { step, status: 'pending', startedAt: null, endedAt: null, operators: [], notes: [], reason: null, evidence: [], failures: 0 };
}

/** The end of the latest step that ended before `at`, else the run's start: where a step ticked done without a start began. */
function impliedStart(state: RunState, at: string): string {
  const ends = state.steps.map((s) => s.endedAt).filter((e): e is string => e !== null && e <= at).sort();
  return ends[ends.length - 1] ?? state.startedAt;
}

export function foldRun(id: string, events: readonly RunEvent[]): RunState {
  const [first, ...rest] = events;
  if (!first || first.type !== 'started') throw new LyncdrError('E_RUN_UNKNOWN', `run ${id} does not exist (no start event)`);
  let state: RunState = {
    id,
    started: first.data,
    operator: first.operator,
    startedAt: first.at,
    finishedAt: null,
    outcome: null,
    finishNote: null,
    seq: first.seq,
    steps: first.data.steps.map(openStep),
  };
  for (const e of rest) {
    state = { ...state, seq: e.seq };
    if (e.type === 'finished') {
      state = { ...state, finishedAt: e.at, outcome: e.data.outcome, finishNote: e.data.note ?? null };
      continue;
    }
    if (e.type !== 'step') continue;
    const d = e.data;
    state = {
      ...state,
      steps: state.steps.map((s) => {
        if (s.step.n !== d.n) return s;
        const next: StepState = {
          ...s,
          status: d.status,
          operators: s.operators.includes(e.operator) ? s.operators : [...s.operators, e.operator],
          notes: d.note ? [...s.notes, d.note] : s.notes,
          reason: d.reason ?? s.reason,
          evidence: d.evidence ? [...s.evidence, d.evidence] : s.evidence,
        };
        if (d.status === s.status) return next;
        if (d.status === 'running') return { ...next, startedAt: s.startedAt ?? e.at, endedAt: null };
        if (d.status === 'pending') return { ...next, startedAt: null, endedAt: null };
        return {
          ...next,
          startedAt: s.startedAt ?? impliedStart(state, e.at),
          endedAt: e.at,
          failures: d.status === 'failed' ? s.failures + 1 : s.failures,
        };
      }),
    };
  }
  return state;
}
