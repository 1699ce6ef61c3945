/** YAML single-quoted scalar: backslashes stay as they are (Windows paths), quotes doubled. */
function q(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export interface TemplateInput {
  agentId: string;
  plannerUrl: string;
  tokenFile: string;
  /** ISO date written in the header. */
  writtenAt: string;
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

planner:
  url: ${q(t.plannerUrl)}
  # The token file: plain text, or protected with \`lyncdr-agent protect-token\` (Windows DPAPI). Instead of it,
  # \`token:\` holds the token itself, or the LYNCDR_AGENT_TOKEN environment variable does.
  tokenFile: ${q(t.tokenFile)}

# Reports wait here until the planner acknowledges them (relative paths: from this file's folder).
outboxDir: outbox

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
