// ESLint for the TypeScript sources and the Node scripts: `npm run lint`. typescript-eslint's
// recommended rules everywhere, and a few type-aware rules that find real bugs (promises left
// floating or passed where a callback's result is ignored) at the cost of one TypeScript program.
// Formatting is Prettier's (.prettierrc), not ESLint's.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', '.vscode-test/', 'bench/.cache/', 'test/fixtures/**/*.json'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    rules: {
      // Comma sequences of assignments, `(lo = mid + 1), (first = mid)`, are the house style in tight
      // loops; the rule reports every sequence, so it is off.
      'no-unused-expressions': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      // Arabic character classes list combining marks (tashkeel, U+064B–U+065F) on purpose.
      'no-misleading-character-class': 'off',
      // Text from files and packs is cleaned of control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // The protocol tests read the server's JSON-RPC replies, which are untyped JSON.
    files: ['test/protocol/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The e2e suite loads one of its test modules, chosen at run time, after mocha's globals exist.
    files: ['test/e2e/suite/index.ts'],
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Functions of the UI and reading-order checks run in the workbench page (Playwright's page.evaluate).
    files: ['test/e2e/ui-checks.js', 'test/e2e/rtl-order.js', 'test/e2e/arabic-ui.js', 'test/e2e/code-server.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Node scripts in CommonJS: the build, the command line's entry, the pack tools, the e2e drivers.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A module's `const crypto = require('crypto')` is module-scoped; it shadows no global.
      'no-redeclare': ['error', { builtinGlobals: false }],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
);
