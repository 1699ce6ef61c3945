import type Database from 'better-sqlite3';
import type { Observation } from '@lyncdr/protocol';
import type { AgentTouch, ReportInput } from './types';

export function observationKey(o: Pick<Observation, 'kind' | 'subject' | 'itemId'>): string;
export function applyPragmas(db: Database.Database): void;
export const AGENT_FINDINGS_KEPT: number;
export function createTouch(db: Database.Database): (t: AgentTouch) => void;
export function createCommit(db: Database.Database): (reports: ReportInput[], touches?: AgentTouch[]) => { id: string; duplicate: boolean }[];
