/** The pure model: data inventory, backup policy, DR state machine and plan generation. */
export {
  BACKUP_FILE_KINDS, DEFAULT_BACKUP_FILES, backupFileName, backupFilePattern, buildInventory, createOverlayLookup,
  createSampleTopology, fileTag
} from './inventory/index';
export type {
  BackupFileKind, BackupServiceCoverage, DataKind, Inventory, InventoryCategory, InventoryFinding, InventoryItem,
  InventoryScope, NoBackupItem, OverlayLookup, SampleTopologyOptions
} from './inventory/index';
export {
  ABC_STAGES, ALLOWED_PROGRAMS, BACKUP_MODULES, BLANK_RE, CMDLET_SETS, DATABASE_TYPES, DR_MINUTES, DR_REFS,
  GOAL_KINDS, OPERATIONS, PARAMETER_ERRATA, allowedProgram, blank, buildState, buildTopology, checkPlan, closest,
  commandProblems, commandUses, createRandom, describeArgs, describeGoal, generateStateInput, generateTopology,
  initialState, parseGoal, parsePowerShell, parseStepsDocument, plan, recogniseStep, stateInputWith,
  twoSiteTopology, txt, backEndHaAt, bootstrapperPath, cmdletVersionAt, hasPersistentChat, hasStartPool, hasXmpp, lineVersion,
  mirrorAt, productAt, VERSION_REF
} from './dr/index';
export type {
  AbcProgress, CheckOptions, CheckResult, CmdletEntry, CmdletSet, CommandProblem, CommandRule, CommandUse, DrState,
  Goal, GoalOptions, Op, OpArgs, Operation, OperationSpec, ParsedOp, Plan, PlanStep, PlanText, PoolSpec,
  ProductVersion, PsCommand, StateOptions, StepDraft, StepInput, SyncStatus, TextParam, TopologySpec, Violation, HostAlias
} from './dr/index';
export {
  countStatuses, defaultPolicy, evaluateBackupItem, evaluateBackupService, evaluateCmsReplication,
  evaluateMirrorState, evaluatePolicy, formatDuration, reasonCodes
} from './policy/index';
export type {
  Evidence, PolicyDefaults, PolicyInput, PolicyRule, ReasonCode, ReasonParams, Verdict
} from './policy/index';
export {
  decideFinish, decideStep, evaluateDrillCadence, foldRun, goalPool, microsoftTarget, rollbackGoal, summarizeRun
} from './drills/index';
export type {
  EvidenceRef, FinishedData, FinishedRun, MicrosoftTarget, RunEvent, RunKind, RunOutcome, RunState, RunSummary, StartedData,
  StepChange, StepData, StepFigures, StepState, StepStatus
} from './drills/index';
export {
  BLOCKING_CODES, blockerCodes, blockerInEnglish, evaluateReadiness, liveFacts, liveState, planCommand, readinessEntries,
  readinessGoals, readinessItemId, REACH_GRACE_SECONDS, syncFromModules, targetsFor
} from './readiness/index';
export type {
  AgentReach, BlockerCode, GoalReadiness, LiveFacts, ReadinessBlocker, ReadinessFact, ReadinessGoal, ReadinessInput, ReadinessReport,
  ReadinessStatus, ReadinessTargets
} from './readiness/index';
