// Lint, and the import rules of the rooms (DESIGN.md §1, README "Contributing"):
// which folder may import which is enforced here, so a wrong import fails `npm test`.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'zlib', 'stream', 'worker_threads'];

/** What neither the domain nor the command line may import. */
const CORE_AND_CLI_NEVER = ['electron', '**/renderer/*', '**/preload/*', '**/ipc/*'];

/** The folders of main/core built on storage/, clip/, capture/ and duplicates/. */
const UPPER_CORE_FOLDERS = ['library', 'search', 'organise', 'notes', 'import', 'export', 'fetch', 'browser', 'settings'];

/** Forbids imports by pattern, with the room's reason as the message. */
function forbid(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // No import cycles anywhere: a cycle means two modules are one concept split badly, or a
    // shared piece (types, terms) that belongs in a module of its own.
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      // The rule reads every imported file itself; it must parse TypeScript to follow them.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(invoke|handle|on|send)$/] > Literal[value=/^cuttings:/]",
          message: 'Channel names come from CHANNELS in common/api.ts, never a string literal.',
        },
      ],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: forbid(['electron', ...NODE_BUILTINS, '../main/*', '../renderer/*', '../preload/*', '*/main/*', '*/renderer/*', '*/preload/*', 'jsdom', 'lowdb', 'minisearch'], 'common/ is shared by every process: it imports nothing outside common/.'),
  },
  {
    files: ['main/cli/**/*.ts'],
    rules: forbid(CORE_AND_CLI_NEVER, 'main/core and main/cli never import electron, the renderer, the preload or the IPC layer.'),
  },
  {
    files: ['main/core/**/*.ts'],
    rules: forbid([...CORE_AND_CLI_NEVER, '**/cli/*', '**/cli'], 'main/core is the domain: it never imports electron, the renderer, the preload, the IPC layer or the command line.'),
  },
  {
    // The lowest layers of the domain: they store and parse, and know nothing of what is
    // built on them (a Library, search, organising), so they can be tested and reused alone.
    files: ['main/core/storage/**/*.ts', 'main/core/clip/**/*.ts', 'main/core/capture/**/*.ts', 'main/core/duplicates/**/*.ts'],
    rules: forbid(
      [...CORE_AND_CLI_NEVER, '**/cli/*', '**/cli', ...UPPER_CORE_FOLDERS.flatMap((folder) => [`**/${folder}`, `**/${folder}/*`])],
      'storage/, clip/, capture/ and duplicates/ are the bottom of main/core: they never import library/, search/, organise/, notes/, import/, export/ or fetch/.',
    ),
  },
  {
    // Exports, imports and fetching work through the narrow interfaces of library/ (reading
    // articles, writing articles), never the whole Library, so each can be tested with a fake.
    files: ['main/core/export/**/*.ts', 'main/core/import/**/*.ts', 'main/core/fetch/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...CORE_AND_CLI_NEVER, '**/cli/*', '**/cli'], message: 'main/core never imports electron, the renderer, the preload, the IPC layer or the command line.' },
            { group: ['**/library', '**/library/index'], importNames: ['Library'], message: 'export/, import/ and fetch/ take the narrow interfaces of library/ (ArticleReader, ArticleWriter), not the Library class.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/ipc/**/*.ts'],
    ignores: ['main/ipc/register.ts'],
    rules: forbid(['electron', '**/renderer/*', '**/preload/*'], 'The handler table is built without electron so the test harness can serve it; only register.ts binds it to ipcMain.'),
  },
  {
    files: ['preload/**/*.ts'],
    rules: forbid([...NODE_BUILTINS, '../main/*', '../renderer/*', '*/main/*', '*/renderer/*'], 'The preload runs sandboxed: electron and common/ only.'),
  },
  {
    files: ['renderer/**/*.ts'],
    rules: forbid(['electron', ...NODE_BUILTINS, '../main/*', '../preload/*', '*/main/*', '*/preload/*', '../../main/*'], 'The renderer talks to the rest only through window.cuttings; it imports common/ and the DOM.'),
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.js', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
