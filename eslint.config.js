import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

const browserApis = ['webextension-polyfill', 'idb'];

// One write path: only src/storage opens IndexedDB, only src/messaging sends messages.
const IDB_IMPORT = { name: 'idb', message: 'Only src/storage opens IndexedDB: call a src/storage function.' };
const IDB_GLOBALS = ['indexedDB', 'IDBKeyRange'].map((name) => ({
  name,
  message: 'Only src/storage touches IndexedDB: call a src/storage function.',
}));
const MESSAGING_CALLS = ['sendMessage', 'connect', 'connectNative'].map((property) => ({
  property,
  message: 'Only src/messaging sends messages: use request()/notifyWorker() (client.ts) or tabs.ts.',
}));
const NO_BACKGROUND_OR_CONTENT = ['**/background/**', '**/content/**'];
// The popup and the options page write only through the checked services, never a store function.
const RAW_STORAGE_WRITES = {
  group: ['**/storage/*', '!**/storage/page-writes*', '!**/storage/data-writes*'],
  importNamePattern: '^(save|delete|edit|import|restore|log|record|upsert|set|put|clear|invalidate|replace)',
  message: 'Extension pages write through src/storage/page-writes.ts or data-writes.ts, which check the payload.',
};

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'test/fixtures/', 'docs/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...tseslint.configs.stylistic,
  noUnsanitized.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // `const { dropped: _dropped, ...rest } = value` is how we omit a key.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Page text is rendered as text: Preact's raw-HTML escape hatch is never used.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never raw HTML.' },
      ],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/storage/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [IDB_IMPORT] }],
      'no-restricted-globals': ['error', ...IDB_GLOBALS],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/messaging/**'],
    rules: { 'no-restricted-properties': ['error', ...MESSAGING_CALLS] },
  },
  {
    // Architecture: the domain core is pure — no browser APIs, no storage, no UI.
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: browserApis,
          patterns: ['**/storage/**', '**/background/**', '**/content/**', '**/popup/**', '**/messaging/client*'],
        },
      ],
      'no-restricted-globals': [
        'error',
        'chrome',
        'browser',
        'window',
        'document',
        'indexedDB',
        'IDBKeyRange',
        'localStorage',
        'navigator',
      ],
    },
  },
  {
    // Content scripts run in the host page: they reach data only through messages.
    files: ['src/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['idb'], patterns: ['**/storage/**', '**/background/**', '**/popup/**'] },
      ],
    },
  },
  {
    files: ['src/storage/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: NO_BACKGROUND_OR_CONTENT }] },
  },
  {
    files: ['src/messaging/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [IDB_IMPORT], patterns: NO_BACKGROUND_OR_CONTENT }] },
  },
  {
    // The private frame is an extension page shown inside the sites' pages: like a content
    // script it reaches data only through the checked messages, never IndexedDB itself.
    files: ['src/frame/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['idb'], patterns: ['**/storage/**', ...NO_BACKGROUND_OR_CONTENT] }],
    },
  },
  {
    // Extension pages: data through src/storage's functions (writes through the checked ones),
    // messages through src/messaging, like content scripts and the domain core.
    files: ['src/popup/**', 'src/options/**', 'src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [IDB_IMPORT], patterns: [{ group: NO_BACKGROUND_OR_CONTENT }, RAW_STORAGE_WRITES] },
      ],
    },
  },
);
