// Lint for correctness and for the layer rules in STYLE.md, not only looks.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

const nodeMessage = 'No Node APIs here: this layer also runs in the renderer.';
const banNode = { group: ['node:*'], message: nodeMessage };
// Bare builtin names go in `paths` (exact match): as a pattern, 'http' would also ban './http'.
const nodeBuiltins = ['fs', 'fs/promises', 'path', 'child_process', 'net', 'tls', 'http', 'https', 'http2', 'os', 'crypto', 'dns', 'vm', 'worker_threads', 'zlib', 'stream', 'module'];
const banNodePaths = nodeBuiltins.map((name) => ({ name, message: nodeMessage }));
const banElectron = { group: ['electron'], message: 'Only electron/main and electron/preload may import electron.' };
const ipcNames = ['ipcMain', 'ipcRenderer'];
const banIpcImport = { name: 'electron', importNames: ipcNames, message: 'ipcMain is used only in electron/main/ipc.ts, ipcRenderer only in electron/preload.' };
// Catches `electron.ipcMain` / `require('electron').ipcRenderer`, which an import-name ban misses.
const banIpcMember = { selector: `MemberExpression[property.name=/^(${ipcNames.join('|')})$/]`, message: banIpcImport.message };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-artifacts/**', 'bin/**', 'scripts/**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.test.json'], tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { react, 'react-hooks': reactHooks },
    settings: { react: { version: '19' } },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react/no-danger': 'error',
      'react/jsx-no-target-blank': 'error',
      'react/iframe-missing-sandbox': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', { paths: banNodePaths, patterns: [banNode, banElectron] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: banNodePaths, patterns: [banNode, banElectron, { group: ['../../electron/*', '../../renderer/*', 'react'], message: 'shared/ imports only shared/.' }] }] },
  },
  {
    // Everything in electron/ except the shell runs under plain Node (handlers, engine, CLI, tests).
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [banElectron] }] },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [banIpcImport] }], 'no-restricted-syntax': ['error', banIpcMember] },
  },
  {
    files: ['electron/main/ipc.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ ...banIpcImport, importNames: ['ipcRenderer'] }] }] },
  },
  {
    // The sandboxed preload can load only `electron`; at run time it may use only the channel allowlist.
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...banNodePaths, { name: 'electron', importNames: ['ipcMain'], message: banIpcImport.message }],
          patterns: [banNode, { group: ['zod', '**/shared/ipc/*', '!**/shared/ipc/channels', '**/shared/model/*', '**/shared/lib/*'], allowTypeImports: true, message: 'The preload bundle may import only shared/ipc/channels at run time.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts', 'test/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', banIpcMember] },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['build/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
