/** YAML single-quoted scalar: backslashes stay as they are (Windows paths), quotes doubled. */
function q(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export interface TemplateInput {
  agentId: string;
  /** The planners this agent reports to, each with the file holding its token: one gives `planner:`, several `planners:`. */
  planners: { url: string; tokenFile: string }[];
  /** ISO date written in the header. */
  writtenAt: string;
}

function plannerSection(list: TemplateInput['planners']): string {
  if (list.length === 1) {
    const [p] = list as [TemplateInput['planners'][0]];
    return `planner:
  url: ${q(p.url)}
  # The token file: plain text, or protected with \`lyncdr-agent protect-token\` (Windows DPAPI). Instead of it,
  # \`token:\` holds the token itself, or the LYNCDR_AGENT_TOKEN environment variable does.
  tokenFile: ${q(p.tokenFile)}
# Two planners (one in each site): replace planner: with a list, each planner with the token it issued, e.g.
# planners:
#   - { url: 'wss://planner-paris.contoso.com/agent', tokenFile: 'C:\\ProgramData\\lyncdr\\planner-paris.token' }
#   - { url: 'wss://planner-lyon.contoso.com/agent', tokenFile: 'C:\\ProgramData\\lyncdr\\planner-lyon.token' }
`;
  }
  return `# Every report goes to each planner; each issued its own token for this agent. A token file is plain text, or
# protected with \`lyncdr-agent protect-token\` (Windows DPAPI); \`token:\` may hold the token itself instead.
planners:
${list.map((p) => `  - url: ${q(p.url)}\n    tokenFile: ${q(p.tokenFile)}\n`).join('')}`;
}

/**
 * The commented agent.yaml that `lyncdr-agent init` writes: the connection it checked, the outbox and logs beside the
 * file, and every collector commented out with an example (agent.example.yaml documents all their settings).
 */
export function renderAgentConfig(t: TemplateInput): string {
  return `# lyncdr agent configuration, written by \`lyncdr-agent init\` on ${t.writtenAt}.
# Every key is checked when the agent starts; \`lyncdr-agent test-connection\` checks the planner settings again.
# All keys, with comments: agent.example.yaml beside lyncdr-agent.exe.

# This agent's name on the planner: the name its token was issued for (lyncdr agents add <name>).
agentId: ${q(t.agentId)}

${plannerSection(t.planners)}
# Reports wait here until every planner acknowledges them (relative paths: from this file's folder).
outboxDir: outbox
# A planner that stays unreachable gets the reports of the last outboxRetentionHours when it is back (default 168,
# 7 days; also settable per planner); older ones are dropped for it, logged, counted and told to it in the next hello.
# outboxRetentionHours: 168

# JSON log lines, rotated by size: logs/agent.log, agent.1.log … agent.5.log.
logging:
  dir: logs
  level: info
  maxBytes: 10485760
  keep: 5

# The collectors this server runs, each on a cron schedule. Uncomment the ones that apply to this server.
collectors:
#  file-store:
#    schedule: "0 */4 * * *"
#    pairs:
#      - { source: '\\\\fs1.contoso.com\\lyncshare', backup: '\\\\backup1\\lync\\filestore' }
#    hash: sample
#  exports:
#    schedule: "30 2 * * *"
#    folders: ['\\\\backup1\\lync\\settings']
#  backup-service:
#    schedule: "*/15 * * * *"
#    pools: [pool-paris.contoso.com]
#    cmsMasterPool: pool-paris.contoso.com
#  cms-replication: { schedule: "*/15 * * * *" }
#  mirror-state: { schedule: "*/15 * * * *", pools: [pool-paris.contoso.com] }
`;
}
