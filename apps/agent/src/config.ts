import { LyncdrError } from '@lyncdr/errors';
import { readYaml } from '@lyncdr/topology';
import { LOG_LEVELS } from '@lyncdr/logger';
import cron from 'node-cron';
import { z } from 'zod';

/** One collector's entry: its cron schedule plus the collector's own settings (checked by the collector). */
const CollectorEntry = z
  .object({
    schedule: z.string().min(1).refine((s) => cron.validate(s), { message: 'is not a valid cron expression (e.g. "0 */4 * * *")' }),
  })
  .catchall(z.unknown());

const RetentionHours = z.number().positive().max(24 * 366 * 10);
/** How long a report waits in the outbox for a planner that stays unreachable, unless set (7 days). */
export const DEFAULT_RETENTION_HOURS = 168;

const PlannerEntry = z.object({
  url: z.string().regex(/^wss?:\/\/[^\s]+$/, 'must be a ws:// or wss:// URL, e.g. wss://planner.contoso.com/agent'),
  /** The token itself; or `tokenFile` (plain or DPAPI-protected); or LYNCDR_AGENT_TOKEN (see token.ts). */
  token: z.string().min(8, 'must be the agent token issued by the planner (at least 8 characters)').optional(),
  tokenFile: z.string().min(1).optional(),
  /** This planner's own retention, in place of the top-level `outboxRetentionHours`. */
  outboxRetentionHours: RetentionHours.optional(),
});
export type PlannerEntry = z.infer<typeof PlannerEntry>;

export const AgentConfigSchema = z
  .object({
    agentId: z.string().min(1).max(128).regex(/^[A-Za-z0-9._-]+$/, 'use letters, digits, dot, dash and underscore'),
    /** The one planner this agent reports to; or `planners` (a list), never both. */
    planner: PlannerEntry.optional(),
    planners: z.array(PlannerEntry).min(1, 'list at least one planner').max(8).optional(),
    /** A report no planner-that-stays-unreachable acknowledged within this many hours leaves the outbox (counted). */
    outboxRetentionHours: RetentionHours.default(DEFAULT_RETENTION_HOURS),
    outboxDir: z.string().min(1),
    logging: z
      .object({
        /** Folder of the JSON log files; `<config folder>/logs` when absent. */
        dir: z.string().min(1).optional(),
        level: z.enum(LOG_LEVELS).default('info'),
        maxBytes: z.number().int().min(4096).default(10 * 1024 * 1024),
        keep: z.number().int().min(0).max(100).default(5),
      })
      .default({ level: 'info', maxBytes: 10 * 1024 * 1024, keep: 5 }),
    heartbeatSeconds: z.number().int().min(1).max(3600).default(30),
    reconnect: z
      .object({ initialMs: z.number().int().min(10).default(1000), maxMs: z.number().int().min(10).default(60_000) })
      .default({ initialMs: 1000, maxMs: 60_000 }),
    powershell: z
      .object({
        executable: z.string().min(1).default('powershell.exe'),
        timeoutMs: z.number().int().min(100).default(120_000),
        maxOutputBytes: z.number().int().min(1024).default(16 * 1024 * 1024),
        /** Folder holding the bridge scripts; defaults to the agent's own scripts folder. */
        scriptsDir: z.string().min(1).optional(),
      })
      .default({ executable: 'powershell.exe', timeoutMs: 120_000, maxOutputBytes: 16 * 1024 * 1024 }),
    /** Empty (every collector commented out, as `init` writes it) means none. */
    collectors: z.preprocess((v) => v ?? {}, z.record(z.string().min(1), CollectorEntry)),
  })
  .superRefine((c, ctx) => {
    if (c.planner && c.planners) {
      ctx.addIssue({ code: 'custom', path: ['planners'], message: 'give either planner (one) or planners (a list), not both; move planner into the planners list' });
    } else if (!c.planner && !c.planners) {
      ctx.addIssue({ code: 'custom', path: ['planner'], message: 'missing: set planner (url and tokenFile), or planners (a list of them)' });
    }
    const seen = new Set<string>();
    (c.planners ?? []).forEach((p, i) => {
      if (seen.has(p.url)) ctx.addIssue({ code: 'custom', path: ['planners', i, 'url'], message: `${p.url} is listed twice; list each planner once` });
      seen.add(p.url);
    });
  });
export type AgentConfig = z.infer<typeof AgentConfigSchema>;
/** What a caller may pass before defaults are applied. */
export type AgentConfigInput = z.input<typeof AgentConfigSchema>;

/** One planner the agent reports to, as `plannersOf` lists them. */
export interface PlannerTarget {
  /** The config key, for messages: `planner` or `planners.1`. */
  key: string;
  url: string;
  token?: string;
  tokenFile?: string;
  retentionHours: number;
}

/** The planners of a config, whichever form it uses (`planner:` or `planners:`), with their retention resolved. */
export function plannersOf(c: Pick<AgentConfig, 'planner' | 'planners' | 'outboxRetentionHours'>): PlannerTarget[] {
  const list = c.planners ? c.planners.map((p, i) => ({ p, key: `planners.${i}` })) : c.planner ? [{ p: c.planner, key: 'planner' }] : [];
  return list.map(({ p, key }) => ({
    key,
    url: p.url,
    ...(p.token === undefined ? {} : { token: p.token }),
    ...(p.tokenFile === undefined ? {} : { tokenFile: p.tokenFile }),
    retentionHours: p.outboxRetentionHours ?? c.outboxRetentionHours,
  }));
}

/** The config with each planner's token set (in the form the config uses), e.g. once resolved from its token file. */
export function withPlannerTokens(c: AgentConfig, tokens: string[]): AgentConfig {
  if (c.planners) return { ...c, planners: c.planners.map((p, i) => ({ ...p, token: tokens[i] })) };
  return { ...c, planner: { ...c.planner!, token: tokens[0] } };
}

/** Checks a parsed config object; errors name the key (`planner.url`, `collectors.file-store.schedule`) and the file. */
export function checkAgentConfig(raw: unknown, file = 'agent config'): AgentConfig {
  const parsed = AgentConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = issue.path.map(String).join('.') || '(top level)';
  const more = parsed.error.issues.length > 1 ? ` (+${parsed.error.issues.length - 1} more)` : '';
  throw new LyncdrError('E_AGENT_CONFIG', `${key}: ${issue.message}${more}; fix this key in ${file}`, {
    location: { file, where: key },
  });
}

/** Parses the agent's YAML config text. */
export function parseAgentConfig(text: string, file: string): AgentConfig {
  let raw: unknown;
  const read = readYaml(text);
  try {
    if (read.error) throw new Error(read.error.message);
    raw = read.doc.toJS();
  } catch (e) {
    throw new LyncdrError('E_AGENT_CONFIG', `${file} is not valid YAML: ${(e as Error).message.split('\n')[0]}; fix the syntax`, {
      cause: e,
      location: { file, line: read.error?.line },
    });
  }
  return checkAgentConfig(raw, file);
}
