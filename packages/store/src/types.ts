import type { Observation, StatusEntry } from '@lyncdr/protocol';

/** Who a token belongs to: an agent (ws endpoint), or an HTTP API user with read-only or admin rights. */
export type TokenRole = 'agent' | 'read' | 'admin';

export interface AgentRecord {
  name: string;
  role: TokenRole;
  createdAt: string;
  revokedAt: string | null;
  lastSeen: string | null;
  version: string | null;
  host: string | null;
  /** Last run per collector: collector id → ISO time the run finished. */
  lastRuns: Record<string, string>;
  /** The collectors the agent said it runs (its last hello), run or not yet; empty before its first hello. */
  collectors: string[];
  /** The agent's clock minus the planner's at its last message (from the envelope's `sentAt`), in ms; null before any. */
  clockOffsetMs: number | null;
  /** What the planner refused from this agent (clock skew, collectors it did not declare…), newest first (the last 20). */
  findings: AgentFinding[];
}

/** Something the planner refused from an agent, shown on the agent's card. */
export interface AgentFinding {
  at: string;
  code: string;
  message: string;
  /** The report (envelope id) it is about, when there is one. */
  ref: string | null;
}

/** One report as it is committed: the raw envelope text plus its parsed fields. */
export interface ReportInput {
  id: string;
  agentId: string;
  collector: string;
  receivedAt: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  ok: boolean;
  raw: string;
  observations: Observation[];
}

/** The newest observation of one subject, with the run it came from (what the policy evaluates). */
export interface StoredObservation {
  key: string;
  reportId: string;
  agentId: string;
  collector: string;
  observedAt: string;
  durationMs: number;
  runOk: boolean;
  observation: Observation;
  /** Newest `lastGood` ever seen for this key (a failed run does not erase an older good backup). */
  lastGoodEver: string | null;
  /** Durations of the runs before this one, newest first (at most 10). */
  recentDurationsMs: number[];
}

/** Last-seen data of an agent, written together with the next batch of reports. */
export interface AgentTouch {
  name: string;
  at: string;
  version?: string;
  host?: string;
  /** Collector ids from the hello. */
  collectors?: string[];
  /** The agent's clock minus the planner's, in ms (see AgentRecord.clockOffsetMs). */
  clockOffsetMs?: number;
  /** Refusals to add to the agent's card. */
  findings?: AgentFinding[];
}

/** A reason in English words, and the policy's code and parameters for it (absent in rows written before they were kept). */
export interface ReasonFields {
  reason: string;
  reasonCode?: string;
  reasonParams?: Record<string, unknown>;
}

export interface EvaluationRow extends ReasonFields {
  at: string;
  itemId: string;
  status: StatusEntry['status'];
  lastGood: string | null;
}

export interface TopologyVersion {
  version: number;
  savedAt: string;
  hash: string;
  source: string;
  /** The deployment model as JSON text. */
  json: string;
  /** Differences from the previous version, in words; empty for the first one. */
  diff: string[];
}

export interface AlertRow extends ReasonFields {
  at: string;
  itemId: string;
  from: string | null;
  to: string;
  channel: string;
  delivered: boolean;
  detail: string;
}

/** Planner persistence. Every write is one transaction; `commitReports` returns only after the commit. */
export interface Store {
  readonly file: string;
  addToken(name: string, role: TokenRole, tokenHash: string): AgentRecord;
  /** Creates the token or gives an existing name a new one (the old token stops working, a revoked name is live again). */
  replaceToken(name: string, role: TokenRole, tokenHash: string): AgentRecord;
  listTokens(): AgentRecord[];
  getToken(name: string): AgentRecord | null;
  /** Marks a token revoked; false when no such name exists. */
  revokeToken(name: string): boolean;
  findByTokenHash(tokenHash: string): AgentRecord | null;
  touchAgent(name: string, seen: Omit<AgentTouch, 'name'>): void;

  /**
   * Commits a batch of reports in one transaction. Per report, in input order: `duplicate` when the same agent's
   * report with that id was stored before (ids are unique per agent).
   */
  commitReports(reports: ReportInput[], touches?: AgentTouch[]): { id: string; duplicate: boolean }[];
  /** Whether a report with this id is stored: from that agent when `agentId` is given, else from any agent. */
  hasReport(id: string, agentId?: string): boolean;
  countReports(): number;
  latestObservations(): StoredObservation[];
  runHistory(key: string, limit: number): StoredObservation[];

  /** Records an evaluation; returns the entries whose status differs from the previous one (with the old status). */
  recordEvaluation(at: string, entries: StatusEntry[]): { entry: StatusEntry; previous: StatusEntry['status'] | null }[];
  currentStatus(): (StatusEntry & { since: string })[];
  evaluationHistory(itemId: string, limit: number): EvaluationRow[];

  saveTopology(source: string, hash: string, json: string, diff: string[]): TopologyVersion | null;
  latestTopology(): TopologyVersion | null;
  listTopologies(limit: number): Omit<TopologyVersion, 'json'>[];

  logAlert(alert: AlertRow): void;
  listAlerts(limit: number): AlertRow[];

  /** Deletes raw reports received before `before` (observations and history stay). Returns the count deleted. */
  pruneReports(before: string): number;
  /** Sets the WAL auto-checkpoint threshold of this connection in pages (0 turns it off: another thread checkpoints). */
  setAutoCheckpoint(pages: number): void;
  /** Copies the live database to `out` with SQLite's online backup API. */
  backupTo(out: string): Promise<void>;
  close(): void;
}
