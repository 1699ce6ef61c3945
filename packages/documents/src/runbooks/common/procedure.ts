import type { Block, Document, DocumentMeta, Text } from '../../model';
import { revisionBlocks, revisionMeta } from '../../revision/revision-block';
import type { RunbookOptions } from '../spec';
import { runbookLabels } from './labels';

/** One numbered step of a runbook. */
export interface RunbookStep {
  title: string;
  body?: Text;
  /** Exact PowerShell lines (empty for a manual step). */
  commands?: string[];
  verify?: Text;
  /** Where to run it (server or pool FQDN). */
  on?: string | null;
  minutes?: number | null;
  ref?: string | null;
}

/**
 * A group of steps under a sub-heading (e.g. one per pool). Steps are numbered across sections, except for a
 * `scenario`: one of several alternative procedures (only one is run), numbered "Procedure 1, 2…" with its steps from 1.
 */
export interface RunbookSection {
  heading?: string;
  intro?: Text;
  steps: RunbookStep[];
  scenario?: boolean;
}

/** The content of one runbook, in one language, already filled with the deployment. */
export interface RunbookContent {
  id: string;
  title: string;
  subtitle?: string;
  purpose: Text[];
  facts: [string, Text][];
  preconditions: Text[];
  sections: RunbookSection[];
  warnings?: Text[];
  notes?: Text[];
  /** Where the documentation is wrong and this runbook follows the corrected form. */
  errata?: Text[];
  rollback: Text[];
  refs: string[];
}

/**
 * Lays out a runbook: purpose, this deployment's facts, preconditions as checkboxes, numbered steps with commands,
 * verification and timing boxes, warnings / notes / errata, rollback, references and the sign-off block.
 */
export function runbookDocument(content: RunbookContent, topologyDeployment: string | null, opts: RunbookOptions): Document {
  const L = runbookLabels(opts.lang);
  const blocks: Block[] = [];
  blocks.push({ type: 'heading', level: 2, text: L.purpose, id: 'purpose' });
  for (const p of content.purpose) blocks.push({ type: 'paragraph', text: p });
  for (const w of content.warnings ?? []) blocks.push({ type: 'paragraph', tone: 'warning', text: w });
  blocks.push({ type: 'heading', level: 2, text: L.deployment, id: 'deployment' });
  blocks.push({ type: 'keyvalue', pairs: [[L.facts.procedure, { text: content.id, style: 'code' }], ...content.facts] });
  blocks.push({ type: 'heading', level: 2, text: L.preconditions, id: 'preconditions' });
  blocks.push({ type: 'checklist', items: content.preconditions.map((text) => ({ text })) });
  blocks.push({ type: 'heading', level: 2, text: L.procedure, id: 'procedure' });
  let n = 0;
  let scenario = 0;
  for (const section of content.sections) {
    if (section.scenario) {
      scenario += 1;
      n = 0;
    }
    const heading = section.scenario ? `${L.procedure} ${scenario}${section.heading ? ` — ${section.heading}` : ''}` : section.heading;
    if (heading) blocks.push({ type: 'heading', level: 3, text: heading });
    if (section.intro !== undefined) blocks.push({ type: 'paragraph', text: section.intro });
    for (const step of section.steps) {
      n += 1;
      const commands = step.commands ?? [];
      blocks.push({
        type: 'step',
        n,
        title: step.title,
        ...(step.body !== undefined ? { body: step.body } : {}),
        commands,
        ...(step.verify !== undefined ? { verify: step.verify } : {}),
        on: step.on ?? null,
        durationMinutes: step.minutes ?? null,
        timing: true,
        manual: commands.length === 0,
        ref: step.ref ?? null,
      });
    }
  }
  if ((content.notes ?? []).length || (content.errata ?? []).length) {
    blocks.push({ type: 'heading', level: 2, text: L.notes, id: 'notes' });
    for (const e of content.errata ?? []) blocks.push({ type: 'paragraph', tone: 'erratum', text: e });
    for (const note of content.notes ?? []) blocks.push({ type: 'paragraph', tone: 'note', text: note });
  }
  blocks.push({ type: 'heading', level: 2, text: L.rollback, id: 'rollback' });
  blocks.push({ type: 'list', ordered: false, items: content.rollback });
  blocks.push({ type: 'heading', level: 2, text: L.references, id: 'references' });
  blocks.push({ type: 'paragraph', text: L.referencesIntro });
  blocks.push({ type: 'list', ordered: false, items: content.refs.map((r) => ({ text: r, style: 'code' as const })) });
  blocks.push({ type: 'heading', level: 2, text: L.signOff, id: 'sign-off' });
  blocks.push({ type: 'signature', roles: L.roles });
  const meta: DocumentMeta = {
    title: content.title,
    ...(content.subtitle ? { subtitle: content.subtitle } : {}),
    lang: opts.lang,
    deployment: topologyDeployment,
    generatedAt: opts.now,
    inputRevision: opts.inputRevision,
    ...revisionMeta(opts),
    orientation: 'portrait',
    keywords: ['lyncdr', 'runbook', content.id, 'Lync Server 2013'],
  };
  return { meta, blocks: [...blocks, ...revisionBlocks(meta)] };
}
