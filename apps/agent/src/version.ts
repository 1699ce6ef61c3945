import pkg from '../package.json' with { type: 'json' };

/**
 * The agent's version: printed by `--version`, sent in the hello, part of the Windows zip's name. It is the workspace's
 * one version (apps/agent/package.json, the same in every package.json: test/workspace-version.test.ts).
 */
export const AGENT_VERSION: string = pkg.version;
