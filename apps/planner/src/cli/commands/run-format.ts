import type { RunStepView, RunView } from '../../server/runs/run-types';

const clock = (iso: string | null) => (iso ? iso.slice(11, 19) : '');

/** One line per step: number, status, times, title. */
export function stepLine(s: RunStepView): string {
  const times = s.startedAt ? ` ${clock(s.startedAt)}${s.endedAt ? `–${clock(s.endedAt)}` : ''}` : '';
  return `${String(s.n).padStart(3)}. [${s.status}]${times} ${s.title}${s.reason ? ` (${s.reason})` : ''}\n`;
}

/** The step to do next, with its command or instructions, as an operator at a console needs it. */
export function nextStep(run: RunView): string {
  if (run.finishedAt) return `run ${run.id} is finished (${run.outcome ?? '?'})\n`;
  const s = run.steps.find((x) => x.n === run.next);
  if (!s) return `every step is done or skipped: lyncdr run finish ${run.id}\n`;
  return `next: step ${s.n} of ${run.steps.length}${s.manual ? ' (manual)' : ''}${s.on ? ` on ${s.on}` : ''}: ${s.title}\n` +
    (s.command ? `  ${s.command}\n` : '') + s.instructions.map((i) => `  - ${i}\n`).join('');
}

/** The run as text: header, every step, then what comes next. */
export function runText(run: RunView): string {
  return `${run.kind} ${run.id}: ${run.title} (${run.goal}), started ${run.startedAt} by ${run.operator}\n` +
    run.steps.map(stepLine).join('') + nextStep(run);
}
