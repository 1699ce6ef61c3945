/** Documents: the block model, runbooks, worksheets, plan documents and the en/fr text catalogs. */
export type {
  Block, ChecklistBlock, ChecklistItem, CodeBlock, Document, DocumentMeta, HeadingBlock, Inline, KeyValueBlock,
  Lang, ListBlock, PageBreakBlock, Paper, ParagraphBlock, PlannerLink, SignatureBlock, StepBlock, TableBlock, TableCell,
  TableColumn, Text
} from './model';
export { plannerWords } from './revision/revision-block';
export type { RunbookSpec, RunbookOptions } from './runbooks/spec';
export { drRunbooks } from './runbooks/dr/index';
export { allRunbooks, backupRestoreRunbooks, checkNamedPools, findRunbook, runbookDocument } from './runbooks/index';
export type { RunbookContent, RunbookSection, RunbookStep } from './runbooks/index';
export {
  buildWorksheet, parseStatusSnapshot, restoreScenarios, statusWarnings, worksheetKinds
} from './worksheets/index';
export type { RestoreScenario, ScenarioStep, WorksheetKind, WorksheetOptions } from './worksheets/index';
export { blockerWords, durationWords, readinessStrings } from './readiness/words';
export type { ReadinessStrings } from './readiness/words';
export { buildDrillReport } from './drills/drill-report';
export type { DrillReportInput, DrillReportOptions, DrillReportStep } from './drills/drill-report';
export { buildPlanDocument, planJson } from './plans/index';
export type { PlanDocumentOptions, PlanJson, PlanJsonStep } from './plans/index';
export {
  ageText, pageOf, planTemplates, renderGoal, renderPlanCommand, renderPlanText, statusWord, tbd, textFor
} from './text/index';
export type { TextCatalog } from './text/index';
