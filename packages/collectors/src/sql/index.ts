import type { Collector } from '../types';
import { sqlFilesCollector } from './sql-files';
import { sqlHistoryCollector } from './sql-history';

export { sqlFilesCollector } from './sql-files';
export { sqlHistoryCollector } from './sql-history';
export { normaliseSqlHistory, historyTime } from './normalise-history';
export { summariseHistory, type DatabaseHistory, type HistoryLast } from './summarise-history';

/** Collectors for SQL Server backups (msdb history through the bridge, and .bak/.trn files). */
export const sqlCollectors: Collector[] = [sqlHistoryCollector, sqlFilesCollector];
