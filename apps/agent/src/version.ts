/** The agent's version: printed by `--version`, sent in the hello, part of the Windows zip's name (= package.json). */
export const AGENT_VERSION = '0.1.0';
