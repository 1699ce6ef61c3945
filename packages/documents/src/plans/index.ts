export { buildPlanDocument, type PlanDocumentOptions } from './plan-document';
export { planJson, type PlanJson, type PlanJsonStep } from './plan-json';
