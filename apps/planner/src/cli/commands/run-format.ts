import { formatDuration } from '@lyncdr/domain';
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

/** Seconds in the words of the status reasons (`45 s`, `12 min`, `2 h 5 min`). */
const span = (seconds: number): string => formatDuration(seconds * 1000);

interface Figures {
  totalSeconds?: number | null;
  usersDownSeconds?: number | null;
  measuredRtoMinutes?: number | null;
  targetRtoMinutes?: number | null;
  microsoft?: { rtoMinutes: string; ref: string } | null;
  estimateMinutes?: number | null;
}

/** The measured figures of a finished run, one per line; a figure not measured is not printed. */
export function figuresText(run: RunView): string {
  const f = (run.summary ?? {}) as Figures;
  const out: string[] = [];
  if (typeof f.totalSeconds === 'number') out.push(`total: ${span(f.totalSeconds)}`);
  if (typeof f.usersDownSeconds === 'number') out.push(`users down: ${span(f.usersDownSeconds)}`);
  if (typeof f.measuredRtoMinutes === 'number') {
    const against = [
      typeof f.targetRtoMinutes === 'number' ? `target ${f.targetRtoMinutes} min` : null,
      f.microsoft ? `Microsoft ${f.microsoft.rtoMinutes} min (${f.microsoft.ref})` : null,
      typeof f.estimateMinutes === 'number' ? `plan estimate ${f.estimateMinutes} min` : null,
    ].filter(Boolean);
    out.push(`measured RTO: ${span(f.measuredRtoMinutes * 60)}${against.length ? ` — ${against.join(', ')}` : ''}`);
  }
  return out.map((l) => `${l}\n`).join('');
}
