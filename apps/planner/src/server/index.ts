export { createPlannerServer, type PlannerServer, type PlannerServerOptions } from './planner-server';
export { PlannerConfig, parsePlannerConfig, resolveConfigPaths } from './config';
export { createLogger, silentLogger, type Logger } from './logger';
export { newToken, hashToken } from './agents/tokens';
