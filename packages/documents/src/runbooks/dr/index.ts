import type { RunbookSpec } from '../spec';

/** Disaster-recovery runbooks (failover, failback, Edge, mirror, conference content, ABC), built from the DR engine. */
export const drRunbooks: RunbookSpec[] = [];
