import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

const browserApis = ['webextension-polyfill', 'idb'];

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
    files: ['src/popup/**', 'src/storage/**', 'src/messaging/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/background/**', '**/content/**'] }],
    },
  },
);
