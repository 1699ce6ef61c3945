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

export const AgentConfigSchema = z.object({
  agentId: z.string().min(1).max(128).regex(/^[A-Za-z0-9._-]+$/, 'use letters, digits, dot, dash and underscore'),
  planner: z.object({
    url: z.string().regex(/^wss?:\/\/[^\s]+$/, 'must be a ws:// or wss:// URL, e.g. wss://planner.contoso.com/agent'),
    /** The token itself; or `tokenFile` (plain or DPAPI-protected); or LYNCDR_AGENT_TOKEN (see token.ts). */
    token: z.string().min(8, 'must be the agent token issued by the planner (at least 8 characters)').optional(),
    tokenFile: z.string().min(1).optional(),
  }),
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
});
export type AgentConfig = z.infer<typeof AgentConfigSchema>;
/** What a caller may pass before defaults are applied. */
export type AgentConfigInput = z.input<typeof AgentConfigSchema>;

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
