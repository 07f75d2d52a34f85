// ESLint flat config: typescript-eslint with type information for all code, Lit and Lit a11y
// rules for the screens, and the layer rule (screens never import the server). Formatting is
// Prettier's job (`npm run format`), so stylistic rules are off.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'test-output/', 'node_modules/', 'migrations/', 'bench/results/', 'common/ui/locales/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Store repositories and services implement async interfaces; the SQLite engine answers
      // synchronously, so many of those methods have nothing to await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests read JSON answers (`response.json()` is `any`) and assert on their fields.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['display/**/*.ts', 'counter/**/*.ts', 'common/ui/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    // Lit calls a template's event listeners with `this` set to the host element, and tests pass
    // Playwright's page methods around: an unbound method is not a bug there.
    files: ['display/**/*.ts', 'counter/**/*.ts', 'common/ui/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    files: ['display/**/*.ts', 'counter/**/*.ts', 'common/ui/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    // The layers: screens and shared code never reach into the server's folder.
    files: ['display/**', 'counter/**', 'common/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '(^|/)server/', message: 'Screens and common code never import from server/: move pure rules to common/.' }],
        },
      ],
    },
  },
  {
    // The store's boundary is engine-neutral: the Store and repository interfaces and the store
    // contract suite never import an engine, so a PostgreSQL store implements and passes the same.
    files: ['server/store/store.ts', 'server/store/repositories/**', 'test/store/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)sqlite/', message: 'The engine-neutral store boundary never imports an engine (server/store/sqlite/).' },
            {
              regex: '^(drizzle-orm|better-sqlite3)($|/)',
              message: 'The engine-neutral store boundary never imports an engine (drizzle-orm, better-sqlite3).',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
