// Lint: strict TypeScript habits plus the one-way import direction of the architecture
// (core is pure; the client talks to the server only through protocol types).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const lspAndEditor = ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*', 'vscode-languageserver-textdocument', 'vscode-languageserver-protocol', 'vscode-jsonrpc', 'vscode-jsonrpc/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'bench/**', 'scripts/**', '.e2e/**', '.bench/**', '**/*.js', '**/*.mjs', '**/*.cjs', 'test/fixtures/**', 'samples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: lspAndEditor.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'core/ is pure: no editor or LSP libraries.' })),
        patterns: [
          { group: ['**/server/**', '**/client/**', '**/protocol/**'], message: 'core/ never imports server, client or protocol.' },
          { group: lspAndEditor.filter((p) => p.includes('*')), message: 'core/ is pure: no editor or LSP libraries.' },
        ],
      }],
    },
  },
  {
    files: ['protocol/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/core/**', '**/server/**', '**/client/**', 'vscode'], message: 'protocol/ holds shared types only.' }] }],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The server never imports the VS Code API.' }, { name: 'vscode-languageclient', message: 'The server is not a client.' }],
        patterns: [
          { group: ['**/client/**'], message: 'server/ never imports client/.' },
          { group: ['**/core/src/*/**', '!**/core/src/index'], message: 'server/ uses the public index of core only (core/src/index).' },
        ],
      }],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/core/**'], message: 'client/ never imports core/: it talks to the server.' },
          { group: ['**/server/**'], message: 'client/ never imports server/.' },
          { group: ['vscode-languageserver', 'vscode-languageserver/*'], message: 'client/ uses vscode-languageclient.' },
        ],
      }],
    },
  },
);
