// Lint config. Layer rules (STYLE.md §4): electron/core, shared and renderer never import
// electron; shared never imports Node built-ins; renderer never imports electron/ code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noElectron = {
  paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' }],
};
/**
 * Security rules (docs/security.md; tests/unit/electron/lint-rules.test.ts keeps them in place):
 * no HTML injection anywhere, and raw IPC only inside the typed wrappers — the preload (named
 * methods only) and electron/main/ipc.ts (every handler checks its sender and arguments).
 */
const noDangerousHtml = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Render text as text: dangerouslySetInnerHTML is banned (XSS).',
};
const noRawIpcAccess = {
  selector: 'MemberExpression[property.name=/^ipc(Main|Renderer)$/]',
  message: 'Raw ipcMain/ipcRenderer only in electron/preload and electron/main/ipc.ts (the typed wrappers).',
};
const noRawIpcImport = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw ipcMain/ipcRenderer only in electron/preload and electron/main/ipc.ts (the typed wrappers).',
};
const TYPED_IPC_WRAPPERS = ['electron/preload/**', 'electron/main/ipc.ts'];
// Tests fake Electron's IPC objects; the rules guard the shipped code.
const SHIPPED_CODE = ['**/*.{ts,tsx,js,mjs,cjs}'];
const NOT_SHIPPED = ['tests/**', ...TYPED_IPC_WRAPPERS];

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'net',
  'child_process',
  'better-sqlite3',
];

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'test-results', '.native'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  // Before the layer blocks: they ban `electron` outright where it never belongs, which wins.
  {
    files: SHIPPED_CODE,
    ignores: NOT_SHIPPED,
    rules: {
      'no-restricted-imports': ['error', { paths: [noRawIpcImport] }],
      'no-restricted-syntax': ['error', noDangerousHtml, noRawIpcAccess],
    },
  },
  {
    files: TYPED_IPC_WRAPPERS,
    rules: { 'no-restricted-syntax': ['error', noDangerousHtml] },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/web/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is imported by both sides: no Node built-ins.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          patterns: [
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to the app only through its API client.',
            },
            { group: nodeBuiltins, message: 'The renderer runs in a browser sandbox.' },
          ],
        },
      ],
      'no-restricted-syntax': ['error', noDangerousHtml, noRawIpcAccess],
    },
  },
);
