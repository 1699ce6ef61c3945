/**
 * The lyncdr agent's public API: `createAgent({ config })` runs collectors on their schedules, keeps every report in a
 * durable outbox and delivers it to the planner over WebSocket until acknowledged (DESIGN §5).
 *
 * ```ts
 * const agent = createAgent({ config: parseAgentConfig(text, 'agent.yaml') });
 * await agent.start();            // schedule + connect
 * await agent.runOnce('file-store');
 * await agent.stop();
 * ```
 */
export { createAgent, type Agent, type AgentOptions } from './agent';
export { parseAgentConfig, checkAgentConfig, AgentConfigSchema, type AgentConfig, type AgentConfigInput } from './config';
export { createPowerShellBridge, defaultScriptsDir, BridgeErrorCode, type PowerShellBridgeOptions } from './bridge/powershell';
export { createOutbox, type Outbox } from './outbox';
export { createStderrLogger, silentLogger, type Logger } from './logger';
export type { Report } from '@lyncdr/protocol';
