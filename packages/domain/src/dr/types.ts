/**
 * Types of the disaster-recovery engine: the DR state (plain data, so tests can generate it), operations as data plus
 * three pure functions, plan steps, violations and goals. Rules come from ../shared/reference/REFERENCE.md §0, §d, §e.
 */
import type { Topology } from '@lyncdr/topology';
import type { z } from 'zod';
import type { PlanText } from './text';

/** Backup Service status of one direction (`<from>><to>`), as reported by Get-CsBackupServiceStatus (REFERENCE rule 10). */
export type SyncStatus = 'SteadyState' | 'FinalState' | 'NonSteadyState' | 'NotInitialized' | 'ErrorState' | 'unknown';

/** Progress of an ABC rebuild (REFERENCE §e.7), keyed by the lost pool A. */
export interface AbcProgress {
  /** The surviving partner B. */
  partner: string;
  /** The replacement pool C (new FQDN). */
  newPool: string;
  /** Ids of the ABC stages already done (see operations/abc-stages.ts). */
  done: string[];
}

export interface DrState {
  /** Pools, machines and SQL servers that are down (sorted FQDNs). */
  down: string[];
  /** Users homed on the key pool are served by the value pool (after Invoke-CsPoolFailOver). */
  failedOver: Record<string, string>;
  /** Current backup pairs, each sorted [a, b] with a < b. */
  pairs: [string, string][];
  /** Front End pools that exist (a rebuilt pool C is added, a deleted pool A removed). */
  pools: string[];
  /** Pool hosting the active Central Management store, or null when the deployment has none. */
  cmsActive: string | null;
  /** False when the CMS is unavailable (empty ActiveMasterFqdn / ActiveFileTransferAgents). */
  cmsAvailable: boolean;
  /** Mirrored back ends: `<pool>/<DatabaseType>` → which side is principal. */
  principals: Record<string, 'primary' | 'mirror'>;
  /** Edge pool → its next-hop pool. */
  nextHops: Record<string, string | null>;
  /** Front End pool → associated Edge pool (media). */
  edgeAssociations: Record<string, string | null>;
  /** Edge pools carrying Lync (SIP) federation and XMPP federation. */
  federation: { lync: string | null; xmpp: string | null };
  /** Backup Service status per direction `<from>><to>`. */
  sync: Record<string, SyncStatus>;
  /** Conference directory id → pool that holds it. */
  conferenceDirectories: Record<string, string>;
  /** ABC rebuilds in progress, keyed by the lost pool A. */
  abc: Record<string, AbcProgress>;
  /** Group Call Pickup orbit range (Call Park orbit Identity, type GroupPickup) → the pool whose Call Park service hosts it. */
  groupPickup: Record<string, string>;
}

/** The arguments of an operation as a plan step carries them: FQDNs, names and switches. */
export type OpArgs = Record<string, string | boolean>;

/** An operation instance: which spec and its arguments, parsed by the spec's `args` schema before any use (operation.ts). */
export interface Op {
  id: string;
  args: OpArgs;
}

/**
 * One step of a plan. `command` is the exact PowerShell line, or null for a step only a person can do; a blank a person
 * fills in is written `<TBD:i>` and described by `blanks[i]`. Every text is a code with parameters (text.ts).
 */
export interface PlanStep {
  n: number;
  title: PlanText;
  command: string | null;
  /** What each `<TBD:i>` blank of the command stands for. */
  blanks: PlanText[];
  /** How to verify the step (a command and what to look for, or an instruction). */
  check: PlanText | null;
  /** Server or pool to run it on (FQDN), or null when anywhere. */
  on: string | null;
  /** The operation this step performs, so `plan check` can replay it without parsing the command. */
  op: Op | null;
  /** True when a person must do it (Topology Builder, DNS, Deployment Wizard…). */
  manual: boolean;
  /** Exact instructions for a manual step. */
  instructions: PlanText[];
  /** Expected duration in minutes when the reference gives a figure, else null. */
  durationMinutes: number | null;
  /** Reference page (file name under shared/reference/docs-en) the step comes from. */
  ref: string;
  /** Notes printed with the step (ERRATUM, UNCERTAIN, why). */
  notes: PlanText[];
}

/** A step before numbering. */
export type StepDraft = Omit<PlanStep, 'n'>;

/** A broken rule: what the real cmdlet (or the documented procedure) would refuse, and why. */
export interface Violation {
  rule: string;
  stepN: number;
  message: string;
  ref: string;
}

/**
 * An operation: data plus three pure functions (DESIGN §7), typed by its arguments. `args` is the zod schema of
 * `op.args` (a strict object: every argument named, none other); the functions receive the parsed arguments.
 */
export interface OperationSpec<Args> {
  id: string;
  /** Reference page the rules come from. */
  ref: string;
  args: z.ZodType<Args> & { readonly shape: Record<string, z.ZodType> };
  /** Violations (stepN 0; the checker fills it in). */
  check(state: DrState, args: Args, topology: Topology): Violation[];
  apply(state: DrState, args: Args, topology: Topology): DrState;
  /** The plan steps; `op` is the operation as the step carries it, so `plan check` can replay the step. */
  commands(topology: Topology, args: Args, op: Op): StepDraft[];
}

/** An op whose arguments its operation's schema accepted: the operation's three functions, ready to run. */
export interface ParsedOp {
  check(state: DrState, topology: Topology): Violation[];
  apply(state: DrState, topology: Topology): DrState;
  commands(topology: Topology): StepDraft[];
}

/** An operation with its argument types inside: what the registry (operations/index.ts) holds. */
export interface Operation {
  id: string;
  ref: string;
  args: OperationSpec<unknown>['args'];
  /** Parses `op.args` with the operation's schema; a missing, misspelled or mistyped argument is E_STEPS at `at`. */
  parse(op: Op, at: { file?: string; where: string }): ParsedOp;
}

export type Goal =
  | { kind: 'failover'; pool: string; planned?: boolean }
  | { kind: 'failback'; pool: string; planned?: boolean }
  | { kind: 'serve'; usersOf: string; by: string; planned?: boolean }
  | { kind: 'rebuild'; failed: string; newFqdn: string }
  | { kind: 'edge-failover'; pool: string; federation?: 'lync' | 'xmpp'; to?: string }
  | { kind: 'edge-failback'; pool: string }
  | { kind: 'edge-associate'; pool: string; edge: string }
  | { kind: 'cms-failover'; planned?: boolean }
  | { kind: 'db-failover'; pool: string; type: string }
  | { kind: 'restore-conference-content'; pool: string };

export interface Plan {
  goal: string;
  goalSpec: Goal;
  steps: PlanStep[];
  warnings: PlanText[];
  /** The state the plan leads to. */
  finalState: DrState;
}

export type CheckResult = { ok: true; finalState: DrState; steps: number } | { ok: false; violation: Violation };
