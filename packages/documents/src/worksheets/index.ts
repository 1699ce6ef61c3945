export { buildWorksheet } from './build-worksheet';
export { worksheetKinds, type WorksheetKind, type WorksheetOptions } from './options';
export { parseStatusSnapshot, statusWarnings } from './status';
export { restoreScenarios } from './restore-scenarios';
export type { RestoreScenario, ScenarioStep } from './restore-model';
