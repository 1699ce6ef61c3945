import { z } from 'zod';
import type { Store } from '@lyncdr/store';

/**
 * What a planner holds, in a few cheap figures, so that a peer can tell how far behind it is (GET /api/sync-state):
 * the reports kept, and per agent the end of its newest report's run.
 */
export const SyncState = z.object({
  /** The planner's name (`self.name`), null when it has none. */
  planner: z.string().nullable(),
  /** The planner's clock when it answered. */
  at: z.string(),
  /** Reports kept in the database (pruned after retention.rawReportsDays). */
  reports: z.number().int().nonnegative(),
  /** The end of the newest report's run, over all agents; null before any report. */
  newestReport: z.string().nullable(),
  /** Per agent name, the end of its newest report's run. */
  agents: z.record(z.string(), z.string()),
});
export type SyncState = z.infer<typeof SyncState>;

const newest = (times: Iterable<string>): string | null => {
  let best: string | null = null;
  for (const t of times) if (best === null || Date.parse(t) > Date.parse(best)) best = t;
  return best;
};

/** This planner's sync state, from the store's report count and the agents' last runs (no scan of the reports). */
export function readSyncState(store: Pick<Store, 'countReports' | 'listTokens'>, now: Date, planner: string | null): SyncState {
  const agents: Record<string, string> = {};
  for (const t of store.listTokens()) {
    if (t.role !== 'agent') continue;
    const last = newest(Object.values(t.lastRuns));
    if (last) agents[t.name] = last;
  }
  return { planner, at: now.toISOString(), reports: store.countReports(), newestReport: newest(Object.values(agents)), agents };
}

/** One agent whose reports the peer and this planner hold up to different times. */
export interface AgentLag {
  agent: string;
  ours: string | null;
  theirs: string | null;
  /** Our newest minus theirs, in seconds: > 0 the peer is behind, < 0 we are; null when one side has none. */
  lagSeconds: number | null;
}

/** How a peer compares with this planner. */
export interface SyncGap {
  /** How far the peer is behind us at most (over the agents), in seconds; 0 when it is not behind. */
  behindSeconds: number;
  /** How far we are behind the peer at most, in seconds; 0 when we are not. */
  aheadSeconds: number;
  /** Reports we keep beyond the peer's count (0 when it keeps as many or more; both prune after their retention). */
  reportsLacking: number;
  /** Agents we have reports from and the peer has none. */
  agentsMissing: string[];
  /** The agents whose newest reports differ, most behind first. */
  agents: AgentLag[];
}

/** Compares a peer's sync state with ours (pure). */
export function compareSync(ours: SyncState, theirs: SyncState): SyncGap {
  const names = [...new Set([...Object.keys(ours.agents), ...Object.keys(theirs.agents)])].sort();
  const agents: AgentLag[] = [];
  let behind = 0, ahead = 0;
  const missing: string[] = [];
  for (const agent of names) {
    const o = ours.agents[agent] ?? null, t = theirs.agents[agent] ?? null;
    if (o === t) continue;
    const lag = o !== null && t !== null ? Math.round((Date.parse(o) - Date.parse(t)) / 1000) : null;
    if (lag === 0) continue;
    if (t === null) missing.push(agent);
    if (lag !== null && lag > behind) behind = lag;
    if (lag !== null && -lag > ahead) ahead = -lag;
    agents.push({ agent, ours: o, theirs: t, lagSeconds: lag });
  }
  agents.sort((a, b) => (b.lagSeconds ?? Infinity) - (a.lagSeconds ?? Infinity) || a.agent.localeCompare(b.agent));
  return { behindSeconds: behind, aheadSeconds: ahead, reportsLacking: Math.max(0, ours.reports - theirs.reports), agentsMissing: missing, agents };
}
