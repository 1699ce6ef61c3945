/**
 * The drill report: a rehearsed (drill) or real run of a DR plan as an auditor reads it — the run and its revision
 * block, the measured figures against the overlay's target and Microsoft's engineering targets, every step with its
 * times and operators and the sign-off block (operator, reviewer), then from a new page each step's command, notes,
 * reason and evidence excerpts.
 * Pure: the same input and options give the same Document; an unknown figure is printed as a blank.
 */
import type { Block, Document, Inline, Lang, TableCell, Text } from '../model';
import { excerptLines } from './excerpt';
import { formatDuration, formatTime, formatTimeShort, upperBound } from './format';
import { drillStrings, type DrillStepStatus, type DrillStrings } from './strings';

export interface DrillReportStep {
  n: number;
  title: string;
  command: string | null;
  on: string | null;
  manual: boolean;
  status: DrillStepStatus;
  /** ISO 8601. */
  startedAt: string | null;
  /** ISO 8601. */
  endedAt: string | null;
  /** Measured duration of the step. */
  seconds: number | null;
  /** The plan's estimate. */
  estimateMinutes: number | null;
  operators: string[];
  notes: string[];
  /** Why the step was skipped, or done out of the plan's order. */
  reason: string | null;
  evidence: { name: string; size: number; sha256: string; excerpt: string }[];
}

export interface DrillReportInput {
  id: string;
  kind: 'drill' | 'real';
  title: string;
  /** The goal as the plan command, e.g. "failover --pool pool01.contoso.example". */
  goal: string;
  operator: string;
  startedAt: string;
  finishedAt: string | null;
  outcome: 'completed' | 'abandoned' | null;
  fingerprint: string;
  lyncdrVersion: string;
  steps: DrillReportStep[];
  summary: {
    /** Start → finish. */
    totalSeconds: number | null;
    /** Start → end of the step that restored service (null: not measured). */
    usersDownSeconds: number | null;
    measuredRtoMinutes: number | null;
    /** The overlay's target, null when none is set. */
    targetRtoMinutes: number | null;
    /** Microsoft's engineering targets as printed on the page, e.g. "15–20", "5", "docs-sfb/disaster-recovery.md". */
    microsoft: { rtoMinutes: string; rpoMinutes: string; ref: string } | null;
    /** Sum of the plan's estimates. */
    estimateMinutes: number | null;
    /** How many recorded changes. */
    events: number;
  };
}

export interface DrillReportOptions {
  lang: Lang;
  /** ISO 8601 time the report is generated (the injected clock). */
  now: string;
  inputRevision: string | null;
}

/** A ruled blank in running text, for a figure nobody measured. */
const BLANK: Inline = { text: '\u00a0'.repeat(16), style: 'blank' };
const blankCell: TableCell = { blank: true };
const code = (text: string): Inline => ({ text, style: 'code' });
const bold = (text: string): Inline => ({ text, style: 'bold' });

/** Goals whose Microsoft target is the pool failover / failback one (the same goals as @lyncdr/domain's targets). */
const POOL_GOAL = /^(lyncdr\s+plan\s+)?(failover|failback|serve|rebuild)(\s|$)/;

const STATUS_ORDER: DrillStepStatus[] = ['done', 'skipped', 'failed', 'running', 'pending'];

function goalCommand(goal: string): string {
  const g = goal.trim();
  return /^lyncdr\s/.test(g) ? g : `lyncdr plan ${g}`;
}

function duration(seconds: number | null): Text {
  return seconds == null ? BLANK : formatDuration(seconds);
}

/** "30 min — met, 12 min 30 s under the target"; no verdict when the measured RTO is unknown. */
function targetText(s: DrillStrings, measuredSec: number | null, targetMinutes: number): string {
  const target = formatDuration(targetMinutes * 60);
  if (measuredSec == null) return target;
  const margin = targetMinutes * 60 - measuredSec;
  return `${target} — ${margin >= 0 ? s.figures.met(formatDuration(margin)) : s.figures.missed(formatDuration(-margin))}`;
}

function microsoftText(s: DrillStrings, measuredSec: number | null, ms: NonNullable<DrillReportInput['summary']['microsoft']>): string {
  const upper = upperBound(ms.rtoMinutes);
  let verdict = '';
  if (measuredSec != null && upper != null) {
    const margin = upper * 60 - measuredSec;
    verdict = ` — ${margin >= 0 ? s.figures.met(formatDuration(margin)) : s.figures.missed(formatDuration(-margin))}`;
  }
  return `${s.figures.microsoft(ms.rtoMinutes, ms.rpoMinutes)}${verdict} (${s.figures.reference(ms.ref)})`;
}

function differenceText(s: DrillStrings, totalSeconds: number | null, estimateMinutes: number | null): Text {
  if (totalSeconds == null || estimateMinutes == null) return BLANK;
  const diff = Math.round(totalSeconds - estimateMinutes * 60);
  if (diff === 0) return s.figures.asEstimated;
  return diff > 0 ? s.figures.longer(formatDuration(diff)) : s.figures.shorter(formatDuration(-diff));
}

function headerBlocks(input: DrillReportInput, opts: DrillReportOptions, s: DrillStrings): Block[] {
  const h = s.header;
  const outcome = input.outcome ? s.outcome[input.outcome] : s.outcome.inProgress;
  const blocks: Block[] = [
    {
      type: 'keyvalue',
      pairs: [
        [h.run, code(input.id)],
        [h.runTitle, input.title],
        [h.kind, s.kind[input.kind]],
        [h.goal, code(goalCommand(input.goal))],
        [h.operator, input.operator],
        [h.started, formatTime(input.startedAt)],
        [h.finished, input.finishedAt ? formatTime(input.finishedAt) : BLANK],
        [h.outcome, outcome],
        [h.fingerprint, code(input.fingerprint)],
        [h.version, input.lyncdrVersion],
        [h.generated, formatTime(opts.now)],
        [h.inputRevision, opts.inputRevision ? code(opts.inputRevision) : '—'],
      ],
    },
    { type: 'paragraph', text: h.timesUtc, tone: 'note' },
  ];
  if (input.outcome === 'abandoned') blocks.push({ type: 'paragraph', text: s.abandonedNote, tone: 'warning' });
  if (input.outcome === null) blocks.push({ type: 'paragraph', text: s.inProgressNote, tone: 'warning' });
  return blocks;
}

function figureBlocks(input: DrillReportInput, s: DrillStrings): Block[] {
  const f = s.figures;
  const sum = input.summary;
  const measuredSec = sum.measuredRtoMinutes == null ? null : sum.measuredRtoMinutes * 60;
  const counts = STATUS_ORDER.map((st): [DrillStepStatus, number] => [st, input.steps.filter((x) => x.status === st).length]).filter(([, n]) => n > 0);
  const blocks: Block[] = [
    { type: 'heading', level: 2, text: f.title },
    {
      type: 'keyvalue',
      pairs: [
        [f.total, duration(sum.totalSeconds)],
        [f.usersDown, duration(sum.usersDownSeconds)],
        [f.measuredRto, duration(measuredSec)],
        [f.targetRto, sum.targetRtoMinutes == null ? f.noTarget : targetText(s, measuredSec, sum.targetRtoMinutes)],
        [f.microsoftRto, sum.microsoft ? microsoftText(s, measuredSec, sum.microsoft) : f.noMicrosoft],
        [f.estimate, sum.estimateMinutes == null ? BLANK : formatDuration(sum.estimateMinutes * 60)],
        [f.difference, differenceText(s, sum.totalSeconds, sum.estimateMinutes)],
        [f.steps, f.stepCounts(input.steps.length, counts)],
        [f.events, String(sum.events)],
      ],
    },
  ];
  // The pool failover / failback RTO counts from the start of the failover procedures, without the time to decide or
  // for users to sign in again (docs-sfb/disaster-recovery.md; lync-server-2013-recovery-time-for-pool-failover-and-
  // pool-failback.md). The pages of the CMS and Back End targets say nothing of the kind: no note for those goals.
  if (sum.microsoft && POOL_GOAL.test(input.goal.trim())) blocks.push({ type: 'paragraph', text: f.microsoftNote(sum.microsoft.ref), tone: 'note' });
  return blocks;
}

function stepTable(input: DrillReportInput, s: DrillStrings): Block[] {
  const c = s.steps.columns;
  if (input.steps.length === 0) return [{ type: 'heading', level: 2, text: s.steps.title }, { type: 'paragraph', text: s.steps.none }];
  const time = (iso: string | null): TableCell => (iso ? formatTimeShort(iso, input.startedAt) : blankCell);
  return [
    { type: 'heading', level: 2, text: s.steps.title },
    {
      type: 'table',
      columns: [
        { header: c[0], width: 4, align: 'right' },
        { header: c[1], width: 25 },
        { header: c[2], width: 11 },
        { header: c[3], width: 10 },
        { header: c[4], width: 10 },
        { header: c[5], width: 13 },
        { header: c[6], width: 13 },
        { header: c[7], width: 14, wrap: 'anywhere' },
      ],
      rows: input.steps.map((st): TableCell[] => [
        String(st.n),
        st.manual ? [st.title, ' ', { text: `(${s.steps.manual})`, style: 'italic' }] : st.title,
        s.status[st.status],
        time(st.startedAt),
        time(st.endedAt),
        st.seconds == null ? blankCell : formatDuration(st.seconds),
        st.estimateMinutes == null ? blankCell : formatDuration(st.estimateMinutes * 60),
        st.operators.length ? st.operators.join(', ') : blankCell,
      ]),
    },
  ];
}

function label(s: DrillStrings, text: string): Inline {
  return bold(`${text}${s.colon} `);
}

function stepDetail(st: DrillReportStep, s: DrillStrings): Block[] {
  const d = s.details;
  const sep = '   ·   ';
  const body: Inline[] = [
    label(s, d.status),
    s.status[st.status],
    sep,
    label(s, d.started),
    st.startedAt ? formatTime(st.startedAt) : BLANK,
    sep,
    label(s, d.finished),
    st.endedAt ? formatTime(st.endedAt) : BLANK,
    sep,
    label(s, d.duration),
    st.seconds == null ? BLANK : formatDuration(st.seconds),
    sep,
    label(s, d.operators),
    st.operators.length ? st.operators.join(', ') : BLANK,
  ];
  const blocks: Block[] = [
    {
      type: 'step',
      n: st.n,
      title: st.title,
      body,
      commands: st.command ? st.command.split(/\r?\n/) : [],
      on: st.on,
      durationMinutes: st.estimateMinutes,
      manual: st.manual,
    },
  ];
  if (st.notes.length) blocks.push({ type: 'paragraph', text: [label(s, d.notes)] }, { type: 'list', ordered: false, items: [...st.notes] });
  if (st.status === 'skipped') blocks.push({ type: 'paragraph', tone: 'warning', text: [label(s, d.skipReason), st.reason ?? BLANK] });
  else if (st.reason) blocks.push({ type: 'paragraph', tone: 'note', text: [label(s, d.outOfOrder), st.reason] });
  for (const ev of st.evidence) {
    blocks.push({
      type: 'paragraph',
      text: [label(s, d.evidence), code(ev.name), '   ·   ', d.bytes(ev.size), '   ·   ', 'SHA-256 ', code(ev.sha256)],
    });
    const { lines, omitted } = excerptLines(ev.excerpt);
    if (lines.some((l) => l !== '')) blocks.push({ type: 'code', language: 'text', lines });
    if (omitted > 0) blocks.push({ type: 'paragraph', tone: 'note', text: d.moreLines(omitted) });
  }
  return blocks;
}

function signOffBlocks(s: DrillStrings): Block[] {
  return [
    { type: 'heading', level: 2, text: s.signOff.title },
    { type: 'paragraph', text: s.signOff.text, tone: 'note' },
    { type: 'signature', roles: [s.signOff.operator, s.signOff.reviewer] },
  ];
}

/** Builds the drill report of one run (en or fr), ready for packages/render (PDF, Markdown, HTML). */
export function buildDrillReport(input: DrillReportInput, opts: DrillReportOptions): Document {
  const s = drillStrings(opts.lang);
  const title = s.title[input.kind];
  const blocks: Block[] = [
    ...headerBlocks(input, opts, s),
    ...figureBlocks(input, s),
    ...stepTable(input, s),
    ...signOffBlocks(s),
    // The step details (commands, notes, evidence) follow on their own pages, after the summary a reviewer signs.
    ...(input.steps.length ? [{ type: 'pagebreak' } as const, { type: 'heading', level: 2, text: s.details.title } as const] : []),
    ...input.steps.flatMap((st) => stepDetail(st, s)),
  ];
  return {
    meta: {
      title,
      subtitle: input.title,
      lang: opts.lang,
      deployment: null,
      generatedAt: opts.now,
      inputRevision: opts.inputRevision,
      orientation: 'portrait',
      keywords: ['lyncdr', input.kind === 'drill' ? 'drill' : 'failover', 'Lync Server 2013', 'RTO'],
    },
    blocks,
  };
}
