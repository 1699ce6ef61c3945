import { describe, expect, it } from 'vitest';
import type { AgentRecord } from '@lyncdr/store';
import { compareSync, readSyncState, type SyncState } from './sync-state';

const token = (name: string, role: AgentRecord['role'], lastRuns: Record<string, string>): AgentRecord => ({
  name, role, lastRuns, createdAt: '2026-12-01T00:00:00.000Z', revokedAt: null, lastSeen: null, version: null, host: null, collectors: [], clockOffsetMs: null, findings: [],
});
const state = (reports: number, agents: Record<string, string>): SyncState => ({ planner: 'x', at: '2026-12-04T10:00:00.000Z', reports, newestReport: null, agents });

describe('sync state', () => {
  it('reads the report count and each agent\'s newest run from the store', () => {
    const store = {
      countReports: () => 42,
      listTokens: () => [
        token('fe01', 'agent', { 'file-store': '2026-12-04T09:00:00.000Z', exports: '2026-12-04T09:30:00.000Z' }),
        token('sql01', 'agent', { 'sql-backup': '2026-12-04T08:00:00.000Z' }),
        token('new', 'agent', {}),
        token('reader', 'read', {}),
      ],
    };
    expect(readSyncState(store, new Date('2026-12-04T10:00:00Z'), 'paris')).toEqual({
      planner: 'paris', at: '2026-12-04T10:00:00.000Z', reports: 42, newestReport: '2026-12-04T09:30:00.000Z',
      agents: { fe01: '2026-12-04T09:30:00.000Z', sql01: '2026-12-04T08:00:00.000Z' },
    });
  });

  it('says how far behind the peer is, per agent, and the other way round', () => {
    const ours = state(10, { fe01: '2026-12-04T09:30:00.000Z', sql01: '2026-12-04T08:00:00.000Z', fe02: '2026-12-04T09:00:00.000Z', same: '2026-12-04T07:00:00.000Z' });
    const theirs = state(7, { fe01: '2026-12-04T09:25:00.000Z', sql01: '2026-12-04T08:10:00.000Z', same: '2026-12-04T07:00:00.000Z', only: '2026-12-04T06:00:00.000Z' });
    const gap = compareSync(ours, theirs);
    expect(gap).toMatchObject({ behindSeconds: 300, aheadSeconds: 600, reportsLacking: 3, agentsMissing: ['fe02'] });
    expect(gap.agents.map((a) => [a.agent, a.lagSeconds])).toEqual([['fe02', null], ['only', null], ['fe01', 300], ['sql01', -600]]);
    expect(compareSync(ours, ours)).toEqual({ behindSeconds: 0, aheadSeconds: 0, reportsLacking: 0, agentsMissing: [], agents: [] });
  });
});
