/**
 * Drills and real runs on the planner (docs/drills.md): each change is decided by the domain's rules on the run folded
 * from its events, then appended to the store (append-only; a change that lost a race is E_RUN_CONFLICT, 409). Views
 * and reports are words of the documents' catalogs, in the language asked for.
 */
import {
  buildState, checkPlan, decideFinish, decideStep, describeGoal, evaluateDrillCadence, foldRun, GOAL_KINDS, goalPool,
  microsoftTarget, parseGoal, plan, productAt, rollbackGoal, summarizeRun,
  type EvidenceRef, type RunEvent, type RunState, type StartedData,
} from '@lyncdr/domain';
import { buildDrillReport, renderPlanCommand, renderPlanText, type DrillReportInput } from '@lyncdr/documents';
import { LyncdrError } from '@lyncdr/errors';
import type { StatusEntry } from '@lyncdr/protocol';
import { renderDocument } from '@lyncdr/render';
import type { RunEventRecord, Store } from '@lyncdr/store';
import type { Topology } from '@lyncdr/topology';
import { createHash } from 'node:crypto';
import type { Lang, ReportFormat, RunService, StartInput } from './run-routes';
import type { RunListEntry, RunStepView, RunView } from './run-types';

export interface RunDeps {
  store: Store;
  /** The deployment runs are planned on, and its fingerprint (the stored topology version's hash). */
  deployment: () => { topology: Topology; fingerprint: string };
  now: () => Date;
  version: string;
  /** Called after every change (the dashboard's live stream). */
  onChange?: (runId: string, seq: number) => void;
}

export interface PlannerRuns extends RunService {
  /** The `drill:<goal>` status items of the overlay's `drills:` cadence at `now`. */
  cadence(now: Date): StatusEntry[];
}

const EXCERPT_LINES = 20;
const EXCERPT_CHARS = 2000;
const CONTENT_TYPES: Record<ReportFormat, string> = { pdf: 'application/pdf', md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8' };

/** The first lines of a text file, nothing for a binary one. */
function excerptOf(content: Uint8Array): string {
  if (content.includes(0)) return '';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content.subarray(0, EXCERPT_CHARS * 4));
  } catch {
    return '';
  }
  return text.split(/\r?\n/).slice(0, EXCERPT_LINES).join('\n').slice(0, EXCERPT_CHARS);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** The goal's options as `lyncdr plan` takes them, from the body's `args`. */
function goalOf(input: StartInput) {
  const a = input.args;
  return parseGoal(input.goal, {
    pool: str(a.pool), usersOf: str(a.usersOf), by: str(a.by), failed: str(a.failed), newFqdn: str(a.newFqdn),
    federation: str(a.federation), to: str(a.to), edge: str(a.edge), type: str(a.type), planned: a.planned === true || a.planned === 'true',
  });
}

function stateInputOf(input: StartInput): unknown {
  const s = input.args.state;
  if (typeof s !== 'string') return s ?? undefined;
  if (s.trim() === '') return undefined;
  try {
    return JSON.parse(s);
  } catch (e) {
    throw new LyncdrError('E_STATE', `args.state is not valid JSON (${(e as Error).message})`);
  }
}

function toEvents(rows: readonly RunEventRecord[]): RunEvent[] {
  return rows.map((r) => ({ seq: r.seq, at: r.at, operator: r.operator, type: r.type, data: r.data }) as RunEvent);
}

export function createRunService(d: RunDeps): PlannerRuns {
  const { store } = d;
  const cadenceOf = (t: Topology): Record<string, number> => {
    const drills = t.overlay?.drills ?? {};
    const unknown = Object.keys(drills).filter((g) => !(GOAL_KINDS as readonly string[]).includes(g));
    if (unknown.length > 0) {
      throw new LyncdrError('E_OVERLAY_INVALID', `drills: ${unknown.join(', ')} ${unknown.length > 1 ? 'are not goals' : 'is not a goal'}; use ${GOAL_KINDS.join(', ')}`, { location: { file: t.overlay?.file ?? 'lyncdr.yaml', where: `drills.${unknown[0]}` } });
    }
    return drills;
  };
  cadenceOf(d.deployment().topology);

  function load(id: string): RunState {
    const rows = store.runEvents(id);
    if (rows.length === 0) throw new LyncdrError('E_RUN_UNKNOWN', `no run ${id}; GET /api/runs lists them`);
    return foldRun(id, toEvents(rows));
  }

  function append(state: RunState | null, runId: string, operator: string, e: Pick<RunEventRecord, 'type' | 'data'>): number {
    const seq = (state?.seq ?? 0) + 1;
    store.appendRunEvent({ runId, seq, at: d.now().toISOString(), operator, type: e.type, data: e.data });
    d.onChange?.(runId, seq);
    return seq;
  }

  function stepView(s: RunState['steps'][number], lang: Lang): RunStepView {
    const text = (t: Parameters<typeof renderPlanText>[0]) => renderPlanText(t, lang);
    return {
      n: s.step.n,
      title: text(s.step.title),
      command: renderPlanCommand(s.step, lang),
      on: s.step.on,
      manual: s.step.manual,
      instructions: s.step.instructions.map(text),
      check: s.step.check ? text(s.step.check) : null,
      estimateMinutes: s.step.durationMinutes,
      status: s.status,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      operators: s.operators,
      notes: s.notes,
      reason: s.reason,
      evidence: s.evidence,
    };
  }

  function viewOf(state: RunState, lang: Lang): RunView {
    const next = state.steps.find((s) => s.status !== 'done' && s.status !== 'skipped')?.step.n ?? null;
    return {
      id: state.id,
      kind: state.started.kind,
      title: state.started.title,
      goal: state.started.goal,
      operator: state.operator,
      startedAt: state.startedAt,
      finishedAt: state.finishedAt,
      outcome: state.outcome,
      fingerprint: state.started.fingerprint,
      lyncdrVersion: state.started.lyncdrVersion,
      seq: state.seq,
      next,
      steps: state.steps.map((s) => stepView(s, lang)),
      summary: summarizeRun(state),
      rollback: ((g) => (g ? describeGoal(g) : null))(rollbackGoal(state.started.goalSpec)),
    };
  }

  /** Whether the plan's steps, in this order, still replay from the run's state on today's deployment. */
  function replays(state: RunState, order: number[]): boolean | null {
    try {
      const t = d.deployment().topology;
      const steps = order.map((n) => state.started.steps.find((s) => s.n === n)).filter((s) => s !== undefined);
      return checkPlan(steps, buildState(t, state.started.stateInput, 'state'), t).ok;
    } catch {
      return null;
    }
  }

  function newId(): string {
    const day = d.now().toISOString().slice(0, 10).replace(/-/g, '');
    const n = store.listRuns().filter((r) => r.runId.startsWith(`run-${day}-`)).length + 1;
    return `run-${day}-${String(n).padStart(4, '0')}`;
  }

  function reportInput(state: RunState, lang: Lang): DrillReportInput {
    const v = viewOf(state, lang);
    const sum = summarizeRun(state);
    return {
      id: v.id, kind: v.kind, title: v.title, goal: v.goal, operator: v.operator, startedAt: v.startedAt,
      finishedAt: v.finishedAt, outcome: v.outcome, fingerprint: v.fingerprint, lyncdrVersion: v.lyncdrVersion,
      steps: v.steps.map(({ instructions: _instructions, check: _check, ...s }, i) => ({ ...s, seconds: sum.steps[i]?.seconds ?? null })),
      summary: {
        totalSeconds: sum.totalSeconds, usersDownSeconds: sum.usersDownSeconds, measuredRtoMinutes: sum.measuredRtoMinutes,
        targetRtoMinutes: sum.targetRtoMinutes, microsoft: sum.microsoft, estimateMinutes: sum.estimateMinutes, events: sum.events,
      },
    };
  }

  return {
    start(input, operator, lang) {
      const { topology: t, fingerprint } = d.deployment();
      const goal = goalOf(input);
      const stateInput = stateInputOf(input);
      const p = plan(goal, buildState(t, stateInput, 'args.state'), t);
      const pool = goalPool(goal);
      const targets = t.overlay?.targets;
      const target = (pool ? targets?.perPool[pool.toLowerCase()]?.rtoMinutes : undefined) ?? targets?.rtoMinutes ?? null;
      const data: StartedData = {
        kind: input.kind, title: input.title, goal: describeGoal(goal), goalSpec: goal, stateInput: stateInput ?? null,
        steps: p.steps, warnings: p.warnings, fingerprint, lyncdrVersion: d.version, targetRtoMinutes: target,
        microsoft: microsoftTarget(goal, pool ? productAt(t, pool) : (t.product?.version ?? 'unknown')),
      };
      const id = newId();
      append(null, id, operator, { type: 'started', data });
      return viewOf(load(id), lang);
    },
    list(): RunListEntry[] {
      return store.listRuns().map((r) => {
        const s = load(r.runId);
        return { id: s.id, kind: s.started.kind, title: s.started.title, started: s.startedAt, finished: s.finishedAt, outcome: s.outcome };
      });
    },
    view: (id, lang) => viewOf(load(id), lang),
    step(id, n, input, operator, lang) {
      const state = load(id);
      let evidence: EvidenceRef | undefined;
      const change = { n, status: input.status, ...(input.note ? { note: input.note } : {}), ...(input.reason ? { reason: input.reason } : {}) };
      if (input.evidence) {
        const content = input.evidence.content;
        const sha256 = createHash('sha256').update(content).digest('hex');
        evidence = { id: `e${state.seq + 1}`, name: input.evidence.name, size: content.length, sha256, excerpt: excerptOf(content) };
      }
      const data = decideStep(state, evidence ? { ...change, evidence } : change, (order) => replays(state, order));
      if (input.evidence && evidence) {
        store.putEvidence({ id: evidence.id, runId: id, name: evidence.name, at: d.now().toISOString(), content: input.evidence.content });
      }
      append(state, id, operator, { type: 'step', data });
      return viewOf(load(id), lang);
    },
    finish(id, input, operator, lang) {
      const state = load(id);
      append(state, id, operator, { type: 'finished', data: decideFinish(state, input.outcome, input.note) });
      return viewOf(load(id), lang);
    },
    events(id) {
      load(id);
      return store.runEvents(id).flatMap((r): Record<string, unknown>[] => {
        const base = { seq: r.seq, at: r.at, operator: r.operator };
        const e = { ...r, type: r.type } as RunEvent;
        if (e.type === 'started') return [{ ...base, type: 'run.started', kind: e.data.kind, title: e.data.title, goal: e.data.goal }];
        if (e.type === 'finished') return [{ ...base, type: 'run.finished', outcome: e.data.outcome, note: e.data.note ?? null }];
        const step = { ...base, type: 'step.changed', n: e.data.n, status: e.data.status, note: e.data.note ?? null, reason: e.data.reason ?? null, outOfOrder: e.data.outOfOrder ?? null };
        return e.data.evidence ? [step, { ...base, type: 'evidence.added', n: e.data.n, name: e.data.evidence.name, sha256: e.data.evidence.sha256 }] : [step];
      });
    },
    evidence(id, evidenceId) {
      const e = store.getEvidence(id, evidenceId);
      return e ? { name: e.name, content: e.content } : null;
    },
    async report(id, lang, format) {
      const doc = buildDrillReport(reportInput(load(id), lang), { lang, now: d.now().toISOString(), inputRevision: null });
      return { contentType: CONTENT_TYPES[format], body: await renderDocument(doc, { format }) };
    },
    cadence(now) {
      const cadence = cadenceOf(d.deployment().topology);
      if (Object.keys(cadence).length === 0) return [];
      const finished = store.listRuns().map((r) => load(r.runId)).filter((s) => s.outcome === 'completed' && s.finishedAt !== null);
      return evaluateDrillCadence(cadence, finished.map((s) => ({ goal: s.started.goalSpec.kind, kind: s.started.kind, finishedAt: s.finishedAt! })), now);
    },
  };
}
