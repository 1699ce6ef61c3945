import type { FuzzTarget } from '../harness/target';

/** Every fuzz target by name, loaded on demand (a fuzz process loads only its own target). */
export const TARGETS = {
  'topology-xml': () => import('./topology-xml'),
  'topology-tbxml': () => import('./topology-tbxml'),
  'topology-zip': () => import('./topology-zip'),
  'zip-memory': () => import('./zip-memory'),
  'zip-stream': () => import('./zip-stream'),
  'sql-header': () => import('./sql-header'),
  protocol: () => import('./protocol'),
  steps: () => import('./steps'),
  state: () => import('./state'),
  overlay: () => import('./overlay'),
  'planner-config': () => import('./planner-config'),
  'agent-config': () => import('./agent-config'),
  router: () => import('./router'),
} as const satisfies Record<string, () => Promise<{ target: FuzzTarget }>>;

export type TargetName = keyof typeof TARGETS;

export async function loadTarget(name: string): Promise<FuzzTarget> {
  const load = (TARGETS as Record<string, () => Promise<{ target: FuzzTarget }>>)[name];
  if (!load) throw new Error(`no fuzz target ${name}; known: ${Object.keys(TARGETS).join(', ')}`);
  return (await load()).target;
}
