export { buildPlanDocument, type PlanDocumentOptions } from './plan-document';
export { frText, frTitle, localText, localTitle } from './fr-text';
