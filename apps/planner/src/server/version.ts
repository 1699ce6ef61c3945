import pkg from '../../package.json' with { type: 'json' };

/**
 * The lyncdr version the planner and its CLI report (and record in every run and document): the workspace's one
 * version, kept in every package.json alike (test/workspace-version.test.ts) and listed in CHANGELOG.md.
 */
export const VERSION: string = pkg.version;
