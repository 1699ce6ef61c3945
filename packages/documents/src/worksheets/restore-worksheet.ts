import type { Inventory } from '@lyncdr/domain';
import type { Topology } from '@lyncdr/topology';
import type { Block, Document, Lang, TableCell, Text } from '../model';
import { textFor } from '../text/index';
import { approvalBlocks, headerBlocks, worksheetDocument } from './header';
import type { WorksheetOptions } from './options';
import type { RestoreScenario } from './restore-model';
import { restoreScenarios } from './restore-scenarios';
import { worksheetStrings } from './strings';

/** RTO target: the overlay's (per pool, then global), else Microsoft's figure for the scenario, else a blank. */
function rtoText(scenario: RestoreScenario, topology: Topology, lang: Lang): Text {
  const s = worksheetStrings(lang).restore;
  const w = textFor(lang).words;
  const targets = topology.overlay?.targets;
  const own = (scenario.pool ? targets?.perPool[scenario.pool]?.rtoMinutes : undefined) ?? targets?.rtoMinutes ?? null;
  if (own !== null && own !== undefined) return `${w.minutes(own)} (${s.rtoFromOverlay})`;
  if (scenario.referenceRto) return `${w.minutes(scenario.referenceRto.minutes)} (${s.rtoFromReference}, ${scenario.referenceRto.ref})`;
  return { text: textFor(lang).tbdOwner, style: 'blank' };
}

function scenarioBlocks(n: number, scenario: RestoreScenario, topology: Topology, lang: Lang): Block[] {
  const s = worksheetStrings(lang).restore;
  const t = textFor(lang);
  const rows = scenario.steps.map((st, i): TableCell[] => [
    { checkbox: true },
    String(i + 1),
    st.text[lang],
    st.command ? { text: st.command, style: 'code' } : '—',
    st.on ?? '—',
    { blank: true },
    { blank: true },
    { blank: true },
  ]);
  return [
    { type: 'heading', level: 2, text: `${n}. ${scenario.title[lang]}`, id: scenario.id },
    {
      type: 'keyvalue',
      pairs: [
        [s.whatFailed, scenario.subject],
        [s.procedure, `${scenario.section} — ${scenario.ref}`],
        [s.rtoTarget, rtoText(scenario, topology, lang)],
        [s.decidedBy, { text: t.tbdOwner, style: 'blank' }],
        ...(scenario.files.length ? ([[s.backupFiles, scenario.files.join(', ')]] as [string, Text][]) : []),
      ],
    },
    {
      type: 'table',
      columns: s.columns.map((header, i) => ({
        header,
        width: [6, 3, 30, 30, 13, 7, 7, 7][i] ?? 6,
        wrap: i === 4 ? ('anywhere' as const) : ('words' as const),
        align: i <= 1 ? ('center' as const) : ('left' as const),
      })),
      rows,
      repeatHeader: true,
    },
  ];
}

/**
 * The restoration worksheet: for each failure scenario, the ordered steps with this deployment's FQDNs and instances,
 * a checkbox per step, started / finished time columns and the RTO target.
 */
export function restoreBlocks(topology: Topology, inventory: Inventory, opts: WorksheetOptions): Block[] {
  const s = worksheetStrings(opts.lang).restore;
  const scenarios = restoreScenarios(topology, inventory);
  return [
    ...headerBlocks(s.title, topology, inventory, opts),
    { type: 'paragraph', text: s.intro },
    { type: 'heading', level: 2, text: s.preconditionsTitle },
    { type: 'checklist', items: s.preconditions.map((text) => ({ text })) },
    { type: 'list', ordered: true, items: scenarios.map((sc) => `${sc.title[opts.lang]} (${sc.section})`) },
    ...scenarios.flatMap((sc, i) => scenarioBlocks(i + 1, sc, topology, opts.lang)),
    ...approvalBlocks(opts.lang),
  ];
}

export function buildRestoreWorksheet(topology: Topology, inventory: Inventory, opts: WorksheetOptions): Document {
  return worksheetDocument(worksheetStrings(opts.lang).restore.title, topology, inventory, opts, restoreBlocks(topology, inventory, opts));
}
