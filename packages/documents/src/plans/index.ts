export { buildPlanDocument, type PlanDocumentOptions } from './plan-document';
export { frTitle, localTitle } from './fr-text';
