export { startPlanner, type RunningPlanner, type StartPlannerOptions } from './start-planner';
export { createPlannerServer, type PlannerServer, type PlannerServerOptions } from './planner-server';
export { createPlannerLogger, type PlannerLogger } from './planner-logger';
export { PlannerConfig, parsePlannerConfig, resolveConfigPaths } from './config';
export { newToken, hashToken } from './agents/tokens';
