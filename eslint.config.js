// ESLint (flat config): typescript-eslint's recommended rules, React's hooks rules, and the
// import boundaries the architecture rests on (the engine runs without Electron and without the
// renderer; the renderer talks to the engine only over HTTP and the preload's fixed channels).
// Layout is Prettier's (`prettier --check` in `npm run lint`); eslint-config-prettier, last, turns
// off any rule that would argue with it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import patterns a layer must not use, with the reason shown in the error. */
const forbid = (groups) => ['error', { patterns: groups }];

/**
 * The same boundaries for `import('electron')` and `require('electron')`, which
 * no-restricted-imports does not see: a selector per dynamic form and forbidden module.
 */
const forbidDynamic = (groups) => [
  'error',
  ...groups.flatMap(({ modules, message }) =>
    modules.flatMap((module) => [
      { selector: `ImportExpression[source.value=${JSON.stringify(module)}]`, message },
      { selector: `CallExpression[callee.name='require'][arguments.0.value=${JSON.stringify(module)}]`, message },
    ]),
  ),
];
const ELECTRON_DYNAMIC = {
  modules: ['electron'],
  message: 'Only the desktop shell may load electron, statically or not: the engine must run headless.',
};
const ELECTRON = {
  group: ['electron', 'electron/*'],
  message: 'Only the desktop shell (src/main/*.ts, src/preload) may import electron: the engine must run headless (hookscope serve).',
};
const RENDERER = {
  group: ['**/renderer/**'],
  message: 'The engine and the shared code must not import the renderer; move what both need to src/shared.',
};
const ENGINE = {
  group: ['**/main/**', '**/engine/**'],
  message: 'The renderer talks to the engine over the control API (src/renderer/src/api); move shared types and helpers to src/shared.',
};
const CLI = {
  group: ['**/cli/**'],
  message: 'The engine must not import the command line; the CLI builds on the engine, not the reverse.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'docs/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Unused bindings are errors except deliberate `_name` placeholders.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `catch {}` with a comment saying why is the house style for best-effort cleanup.
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The classic hook rules; the React Compiler's rules (purity, set-state-in-effect) assume a
      // compiler this app does not use.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': forbid([ELECTRON, ENGINE]),
      'no-restricted-syntax': forbidDynamic([ELECTRON_DYNAMIC]),
    },
  },
  // Code that runs in a page: the boot script, and benchmark callbacks handed to page.evaluate.
  { files: ['src/renderer/public/**/*.js', 'bench/**/*.mjs'], languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  // Playwright fixtures declare "no fixtures needed" as `async ({}, use)`.
  { files: ['test/e2e/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
  {
    files: ['src/main/engine/**/*.ts'],
    rules: { 'no-restricted-imports': forbid([ELECTRON, RENDERER, CLI]), 'no-restricted-syntax': forbidDynamic([ELECTRON_DYNAMIC]) },
  },
  {
    files: ['src/main/cli/**/*.ts'],
    rules: { 'no-restricted-imports': forbid([ELECTRON, RENDERER]), 'no-restricted-syntax': forbidDynamic([ELECTRON_DYNAMIC]) },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': forbid([ELECTRON, RENDERER, ENGINE]), 'no-restricted-syntax': forbidDynamic([ELECTRON_DYNAMIC]) },
  },
  prettier,
);
