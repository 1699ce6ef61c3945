import type { Client } from 'pg';
import type { AgentTouch, ReportInput } from './types';

/** The subset of a `pg` client the store's statements use. */
export interface PgQueryable {
  query(text: string | { text: string; query_timeout?: number }, values?: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
}

export function inTransaction<T>(client: PgQueryable, fn: () => Promise<T>): Promise<T>;
export function openClient(o: { url: string; schema: string; connectTimeoutMs: number; applicationName: string; onLost: (client: Client) => void }): Promise<Client>;
export function openSchema(client: PgQueryable, schema: string): Promise<void>;
export function migrate(client: PgQueryable, migrations: { n: number; name: string; pg: string }[], at: string): Promise<number>;
export function commitReports(client: PgQueryable, reports: ReportInput[], touches?: AgentTouch[]): Promise<{ id: string; duplicate: boolean }[]>;
export const ops: Record<string, (client: PgQueryable, ...args: never[]) => Promise<unknown>>;
export const QUERY_TIMEOUT_MS: number;
