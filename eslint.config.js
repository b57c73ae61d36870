// Lint, and the import rules of the rooms (DESIGN.md §1, README "Contributing"):
// which folder may import which is enforced here, so a wrong import fails `npm test`.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'zlib', 'stream', 'worker_threads'];

/** Forbids imports by pattern, with the room's reason as the message. */
function forbid(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

/** Forbids imports between main/core's folders by pattern (a second rule, beside the room's). */
function forbidInCore(patterns, message) {
  return { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
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
    files: ['main/core/**/*.ts'],
    rules: forbid(['electron', '**/renderer/*', '**/preload/*', '**/ipc/*', '**/cli/*'], 'main/core never imports electron, the renderer, the preload, the IPC layer or the CLI.'),
  },
  {
    files: ['main/cli/**/*.ts'],
    rules: forbid(['electron', '**/renderer/*', '**/preload/*', '**/ipc/*'], 'main/cli never imports electron, the renderer, the preload or the IPC layer.'),
  },
  // Between main/core's folders (DESIGN.md §1: library/ is a façade over the rest): the low
  // folders know nothing of the domain above them, and export/, import/ and fetch/ see a
  // library only through the narrow interfaces of library/article-access.ts. A separate rule
  // from the one above, so that both apply.
  {
    files: ['main/core/storage/**/*.ts', 'main/core/clip/**/*.ts', 'main/core/capture/**/*.ts', 'main/core/duplicates/**/*.ts', 'main/core/ocr/**/*.ts'],
    rules: forbidInCore(
      ['library', 'search', 'organise', 'notes', 'import', 'export', 'fetch'].flatMap((folder) => [`**/${folder}`, `**/${folder}/*`]),
      'storage/, clip/, capture/, ocr/ and duplicates/ are below the rest of main/core: they never import library/, search/, organise/, notes/, import/, export/ or fetch/.',
    ),
  },
  {
    // Evidence (signing, the custody log, timestamps, the report) sits on storage/ alone, so
    // that what is signed and checked depends on as little as possible; library/ drives it.
    files: ['main/core/evidence/**/*.ts'],
    rules: forbidInCore(
      ['library', 'search', 'organise', 'notes', 'import', 'export', 'fetch', 'clip', 'capture', 'duplicates'].flatMap((folder) => [`**/${folder}`, `**/${folder}/*`]),
      'evidence/ imports storage/ and nothing else of main/core: library/ hands it what it signs and checks.',
    ),
  },
  {
    // The web-archive formats (WARC, WACZ), written by export/ and read by import/: they know
    // the stored capture and nothing of the library or the parts that use them.
    files: ['main/core/archive/**/*.ts'],
    rules: forbidInCore(
      ['library', 'search', 'organise', 'notes', 'import', 'export', 'fetch'].flatMap((folder) => [`**/${folder}`, `**/${folder}/*`]),
      'archive/ is the WARC and WACZ formats, used by export/ and import/: it never imports library/, search/, organise/, notes/, import/, export/ or fetch/.',
    ),
  },
  {
    files: ['main/core/export/**/*.ts', 'main/core/import/**/*.ts', 'main/core/fetch/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          // library/ itself (the Library) or any module in it but article-access.ts.
          patterns: [{ regex: '(^|/)library(/(?!article-access$)[^/]+)?$', message: 'export/, import/ and fetch/ take the narrow ArticleReader / ArticleWriter of library/article-access.ts, never the Library.' }],
        },
      ],
    },
  },
  {
    // The policies the Electron files apply are plain functions, unit-tested without Electron:
    // they may name Electron's types, never load it.
    files: ['main/policies/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', allowTypeImports: true, message: 'main/policies/ runs without Electron (it is unit-tested in plain Node): import its types only.' }] },
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
    rules: forbid(['electron', ...NODE_BUILTINS, '**/main/*', '**/preload/*'], 'The renderer talks to the rest only through window.cuttings; it imports common/ and the DOM.'),
  },
  {
    // The browser extension talks to the app only over the loopback endpoint (common/browser-protocol.ts).
    files: ['extension/**/*.ts'],
    rules: forbid(['electron', ...NODE_BUILTINS, '**/main/*', '**/preload/*', '**/renderer/*'], 'The extension runs in the browser: it imports common/ and the browser\'s APIs, and reaches the app only through its loopback endpoint.'),
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.js', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
