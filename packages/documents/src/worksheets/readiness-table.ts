/**
 * The readiness table printed on a worksheet's first page when a status snapshot is given (`--status`): per DR goal
 * its status, blockers in words, RPO exposure and estimated RTO (docs/readiness.md), computed from the snapshot.
 */
import { evaluateReadiness, type GoalReadiness } from '@lyncdr/domain';
import type { Topology } from '@lyncdr/topology';
import type { Block, Lang, TableCell } from '../model';
import { blockerWords, durationWords, readinessStrings } from '../readiness/words';
import type { WorksheetOptions } from './options';

function goalText(g: GoalReadiness, lang: Lang): string {
  const name = readinessStrings(lang).goal[g.goal] ?? g.goal;
  const arg = [g.args.pool, g.args.federation, g.args.type].filter(Boolean).join(' / ');
  return arg ? `${name}: ${arg}` : name;
}

export function readinessBlocks(topology: Topology, opts: WorksheetOptions): Block[] {
  if (!opts.status) return [];
  const s = readinessStrings(opts.lang);
  const report = evaluateReadiness(topology, { items: opts.status.items, judgedAt: opts.status.generatedAt, now: new Date(opts.now) });
  if (!report.goals.length) return [];
  const rows: TableCell[][] = report.goals.map((g) => [
    goalText(g, opts.lang),
    { text: s.status[g.status], style: 'bold' },
    g.blockers.length ? g.blockers.map((b) => blockerWords(b, opts.lang)).join('; ') : s.none,
    g.rpoSeconds === null ? s.unknown : durationWords(g.rpoSeconds, opts.lang),
    g.rtoMinutes === null ? s.none : durationWords(g.rtoMinutes * 60, opts.lang),
  ]);
  return [
    { type: 'heading', level: 2, text: s.title },
    { type: 'paragraph', text: s.intro, tone: 'note' },
    {
      type: 'table',
      columns: [
        { header: s.columns[0], width: 22, wrap: 'anywhere' },
        { header: s.columns[1], width: 9, wrap: 'words' },
        { header: s.columns[2], width: 50, wrap: 'words' },
        { header: s.columns[3], width: 10, wrap: 'words' },
        { header: s.columns[4], width: 10, wrap: 'words' },
      ],
      rows,
      repeatHeader: true,
    },
  ];
}
