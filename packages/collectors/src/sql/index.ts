import type { Collector } from '../types';

/** Collectors for SQL Server backups (msdb history through the bridge, and .bak/.trn files). */
export const sqlCollectors: Collector[] = [];
