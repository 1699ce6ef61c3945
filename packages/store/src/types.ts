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

/** One event of a run (a drill or a real failover): runs are append-only lists of these, folded by the planner. */
export interface RunEventRecord {
  /** e.g. "run-20261204-0001". */
  runId: string;
  /** 1, 2, 3 … per run, without gaps. */
  seq: number;
  /** ISO 8601. */
  at: string;
  /** The name of the API token that made the change. */
  operator: string;
  /** 'started' | 'step' | 'finished' (not checked by the store). */
  type: string;
  /** JSON-serialisable payload, stored as JSON text (`undefined` reads back as null). */
  data: unknown;
}

/** One run as listed: when it started (the time of its first event), how many events it has and the time of the last. */
export interface RunSummaryRow {
  runId: string;
  startedAt: string;
  events: number;
  lastAt: string;
}

/** A file attached to a run as evidence (its bytes are read with `getEvidence`). Ids are unique within a run. */
export interface EvidenceRecord {
  id: string;
  runId: string;
  name: string;
  /** Lower-case hex SHA-256 of the content. */
  sha256: string;
  /** Bytes. */
  size: number;
  at: string;
}

/** A document the planner generated: what it is, its language and format, and the topology it was made from. */
export interface GeneratedDocument {
  /** ISO 8601. */
  at: string;
  /** 'worksheet' | 'runbook' | 'plan'. */
  kind: string;
  /** The worksheet kind, the runbook's procedure or the plan's goal (with its pools), e.g. "failover pool01.contoso.example". */
  name: string;
  lang: string;
  format: string;
  /** topologyFingerprint of the deployment the document was made from. */
  fingerprint: string;
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

  /**
   * Appends an event to a run. `seq` must be exactly the run's highest seq + 1 (1 for a new run), else
   * E_RUN_CONFLICT: another change was recorded first and the caller retries on the new state. The check and the
   * insert are one transaction.
   */
  appendRunEvent(e: RunEventRecord): void;
  /** The run's events in seq order, `data` parsed; [] for an unknown run. */
  runEvents(runId: string): RunEventRecord[];
  /** Every run, newest first (by the time of its first event). */
  listRuns(): RunSummaryRow[];
  /**
   * Stores an evidence file of a run, computing its SHA-256 and size. E_RUN_EVIDENCE_TOO_LARGE above
   * MAX_EVIDENCE_BYTES; E_RUN_CONFLICT when the run already has evidence with this id.
   */
  putEvidence(e: Omit<EvidenceRecord, 'size' | 'sha256'> & { content: Uint8Array }): EvidenceRecord;
  /** An evidence file with its bytes; null when the run has none with this id. */
  getEvidence(runId: string, id: string): (EvidenceRecord & { content: Uint8Array }) | null;

  /** Records a document the planner generated. */
  recordDocument(d: GeneratedDocument): void;
  /** The newest generated document of each kind, name and language. */
  lastDocuments(): GeneratedDocument[];

  /** Deletes raw reports received before `before` (observations and history stay). Returns the count deleted. */
  pruneReports(before: string): number;
  /** Sets the WAL auto-checkpoint threshold of this connection in pages (0 turns it off: another thread checkpoints). */
  setAutoCheckpoint(pages: number): void;
  /** Copies the live database to `out` with SQLite's online backup API. */
  backupTo(out: string): Promise<void>;
  close(): void;
}
