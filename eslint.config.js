import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'events'];

/** What each top-level folder may import: the layout is the architecture, and this keeps it so. */
const boundaries = {
  'shared/**': {
    patterns: [
      { group: nodeBuiltins, message: 'shared/ is pure: no Node APIs.' },
      // Bare package names by regex: a gitignore-style group would also match a local ./electron.ts.
      { regex: '^(electron|dexie(-.*)?|react(-.*)?|fastify|pg|@electric-sql/.*|node-hid)$', message: 'shared/ is pure: no platform libraries.' },
      { group: ['**/renderer/**', '**/electron/**', '**/server/**', '**/tests/**'], message: 'shared/ imports nothing outside shared/.' },
    ],
  },
  'renderer/**': {
    patterns: [
      { regex: '^(electron|node-hid|fastify|pg)$', message: 'The renderer runs in a sandbox: web APIs and the Platform interface only.' },
      { group: nodeBuiltins, message: 'The renderer runs in a sandbox: web APIs and the Platform interface only.' },
      { group: ['**/electron/**', '**/server/**'], message: 'The renderer talks to Electron through Platform, to the server over HTTP.' },
    ],
  },
  'electron/**': {
    patterns: [{ group: ['**/renderer/**', '**/server/**'], message: 'The main process shares only shared/ with the renderer.' }],
  },
  'server/**': {
    patterns: [
      { group: ['**/renderer/**', '**/electron/**'], message: 'The server shares only shared/ with the desk.' },
      { regex: '^electron$', message: 'The server shares only shared/ with the desk.' },
    ],
  },
};

const sharedPureSyntax = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass time in; shared/ does not read the clock.' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass time in; shared/ does not read the clock.' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Pass ids in; shared/ is deterministic.' },
];
/** A module loaded by computed name escapes no-restricted-imports; shared/ does not do that. */
const computedImport = { selector: "ImportExpression[source.type!='Literal']", message: 'shared/ imports modules by literal name only (scan/decode.ts is the one exception).' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench/**', 'test-results/**', 'tests/artifacts/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  ...Object.entries(boundaries).map(([folder, rule]) => ({
    files: [folder],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', rule] },
  })),
  {
    // Time and randomness are passed into the domain, so the desk and the server agree.
    files: ['shared/**'],
    ignores: ['**/*.test.ts', 'shared/testing/**'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'fetch', 'localStorage', 'indexedDB', 'process'],
      'no-restricted-syntax': ['error', ...sharedPureSyntax, computedImport],
    },
  },
  {
    // The one exception: scan/decode.ts must load zxing's .wasm from the installed package, with
    // node:fs in Node and through a Vite `?url` import in the browser (see the comment there). It
    // reaches the Node modules by computed specifier so bundlers and shared/'s Node-free
    // type-check leave them alone; this override allows that here and nowhere else in shared/.
    files: ['shared/scan/decode.ts'],
    rules: { 'no-restricted-syntax': ['error', ...sharedPureSyntax] },
  },
);
