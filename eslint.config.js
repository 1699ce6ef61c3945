import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The pure packages hold every rule and do no I/O: they may not import the file system, the network, sockets, TLS,
// the host (os), threads, the PDF library or the scheduler. I/O lives in apps/ and in the adapter packages.
// test/architecture.test.ts checks that this rule holds.
const pureBoundary = {
  files: ['packages/{topology,domain,protocol,documents,errors}/src/**/*.ts'],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'http', 'node:http', 'https',
          'node:https', 'tls', 'node:tls', 'os', 'node:os', 'worker_threads', 'node:worker_threads', 'child_process',
          'node:child_process', 'ws', 'pdfkit', 'node-cron', 'better-sqlite3'].map(
          (name) => ({ name, message: 'pure packages do no I/O: move this to an app or an adapter package' }),
        ),
      },
    ],
  },
};

const onlyRenderImportsPdfkit = { selector: 'ImportDeclaration[source.value=/^pdfkit$/]', message: 'only packages/render imports pdfkit' };

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'examples/**', '**/*.d.ts', 'apps/planner/src/dashboard/vendor/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', onlyRenderImportsPdfkit],
    },
  },
  { files: ['packages/render/src/**/*.ts'], rules: { 'no-restricted-syntax': 'off' } },
  // The public API of the core packages is read in their indexes: every name is listed there (no `export *`).
  {
    files: ['packages/{domain,documents,protocol}/src/**/index.ts'],
    rules: {
      'no-restricted-syntax': ['error', onlyRenderImportsPdfkit,
        { selector: 'ExportAllDeclaration', message: 'list the exported names: the index is where the public API is read' }],
    },
  },
  pureBoundary,
);
