// Lint: TypeScript rules everywhere, and the Temporal sandbox rule for workflows/: no Node
// built-ins, no non-workflow Temporal packages, no I/O modules of this project (types are fine).
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.tools/**', 'test-results/**', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // chai's property assertions (expect(x).to.exist) are expressions by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['web-portal/**/*.{ts,tsx}', 'admin-ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['workflows/**/*.ts', 'domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'Workflows and domain rules run in a sandbox: no Node built-ins.' })),
        patterns: [
          { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing', '@temporalio/proto'], message: 'Only @temporalio/workflow and @temporalio/common belong in workflows.', allowTypeImports: true },
          { group: ['../activities', '../activities/*', '../api', '../api/*', '../db', '../db/*', '../scripts/*', 'sequelize', 'express', 'sharp', 'mysql2', 'sqlite3'], message: 'Workflows do I/O only through proxied activities.', allowTypeImports: true },
        ],
      }],
    },
  },
);
