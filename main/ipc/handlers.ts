/**
 * The handler table: one handler per channel in CHANNELS. Each validates its arguments with
 * a zod schema, calls main/core and returns a Result; it never throws. Built without
 * electron so that the test harness (tests/harness/) serves this very table over HTTP;
 * main/ipc/register.ts binds it to ipcMain and adds the sender check.
 */
import { z } from 'zod';
import { CHANNELS, EXPORT_FORMAT_NAMES, type ApiMethod, type AppEvent, type AppSettings, type CuttingsApi, type ExportFormatName } from '../../common/api';
import { CuttingsError } from '../../common/errors';
import { fail, ok, type Result } from '../../common/result';
import { BrowserClippingSwitch } from '../core/browser/browser-clipping-switch';
import { fileBytesToItem, MAX_FILE_BYTES } from '../core/capture/read-article-file';
import { clipUrl } from '../core/fetch/clip-url';
import { recapture } from '../core/fetch/recapture';
import type { Library } from '../core/library';
import type { LibrarySession } from '../core/settings/library-session';
import type { SettingsStore, StoredSettings } from '../core/settings/settings-store';
import { importFileBytes } from '../core/import/import-opened-file';
import { ExportJobs } from './export-jobs';
import { notesApi, notesSchemas } from './notes-handlers';
import { organiseApi, organiseSchemas } from './organise-handlers';

/** A handler takes the raw argument list sent over the channel. */
export type Handler = (args: unknown[]) => Promise<Result<unknown>>;

/** One handler per channel name. */
export type HandlerTable = ReadonlyMap<string, Handler>;

const text = z.string();
const optionalText = z.string().max(2048).optional();
const tagList = z.array(z.string().max(1000)).max(1000).optional();
// Inputs are capped here so that a runaway renderer cannot make main parse gigabytes;
// the clippers apply the same limits to files with a message a person can act on.
const MAX_INPUT_CHARS = 32 * 1024 * 1024;

const addOptions = {
  title: optionalText,
  url: optionalText,
  source: optionalText,
  published: optionalText,
  tags: tagList,
  fileName: optionalText,
};

/** The argument schema of every method, as a tuple of its parameters. */
const schemas = {
  libraryInfo: z.tuple([]),
  listArticles: z.tuple([]),
  getArticle: z.tuple([z.string().min(1).max(200)]),
  addText: z.tuple([z.object({ text: text.max(MAX_INPUT_CHARS), ...addOptions }).strict()]),
  addHtml: z.tuple([z.object({ html: text.max(MAX_INPUT_CHARS), ...addOptions }).strict()]),
  addTextChecked: z.tuple([z.object({ text: text.max(MAX_INPUT_CHARS), ...addOptions, onDuplicate: z.enum(['ask', 'skip', 'keep', 'version']).optional() }).strict()]),
  search: z.tuple([
    z
      .object({
        query: z.string().max(10_000),
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).optional(),
        sort: z.enum(['relevance', 'published', 'clipped']).optional(),
      })
      .strict(),
  ]),
  updateTags: z.tuple([z.object({ id: z.string().min(1).max(200), add: tagList, remove: tagList }).strict()]),
  listTags: z.tuple([]),
  listSavedSearches: z.tuple([]),
  saveSearch: z.tuple([z.object({ name: z.string().max(200), query: z.string().max(10_000) }).strict()]),
  deleteSavedSearch: z.tuple([z.string().max(200)]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([z.object({ theme: z.enum(['system', 'light', 'dark']).optional() }).strict()]),
  switchLibrary: z.tuple([z.object({ path: z.string().min(1).max(4096), mode: z.enum(['open', 'create']) }).strict()]),
  chooseLibraryFolder: z.tuple([z.enum(['open', 'create'])]),
  addUrl: z.tuple([
    z
      .object({
        url: z.string().min(1).max(2048),
        title: optionalText,
        source: optionalText,
        published: optionalText,
        tags: tagList,
        onDuplicate: z.enum(['ask', 'skip', 'keep', 'version']).optional(),
      })
      .strict(),
  ]),
  addFile: z.tuple([
    z
      .object({
        name: z.string().min(1).max(500),
        // Base64 takes four characters for three bytes.
        dataBase64: z.string().max(Math.ceil(MAX_FILE_BYTES / 3) * 4),
        title: optionalText,
        url: optionalText,
        source: optionalText,
        published: optionalText,
        tags: tagList,
        onDuplicate: z.enum(['ask', 'skip', 'keep', 'version']).optional(),
      })
      .strict(),
  ]),
  recapture: z.tuple([z.string().min(1).max(200)]),
  browserClipping: z.tuple([]),
  setBrowserClipping: z.tuple([z.boolean()]),
  exportArticles: z.tuple([
    z
      .object({
        format: z.enum(EXPORT_FORMAT_NAMES),
        scope: z.union([
          z.object({ query: z.string().max(10_000) }).strict(),
          z.object({ tag: z.string().min(1).max(1000) }).strict(),
          z.object({ ids: z.array(z.string().min(1).max(200)).min(1).max(1_000_000) }).strict(),
        ]),
        path: z.string().min(1).max(4096),
        options: z.object({ text: z.boolean().optional(), bom: z.boolean().optional() }).strict().optional(),
      })
      .strict(),
  ]),
  cancelExport: z.tuple([]),
  chooseExportPath: z.tuple([z.enum(EXPORT_FORMAT_NAMES)]),
  importDroppedFile: z.tuple([z.object({ name: z.string().min(1).max(500), dataBase64: z.string().max(Math.ceil(MAX_FILE_BYTES / 3) * 4) }).strict()]),
  ...organiseSchemas,
  ...notesSchemas,
} satisfies Record<ApiMethod, z.ZodType>;

/** Turns whatever a core call threw into an ApiError; unexpected errors become `internal`. */
export function toFailure(error: unknown): Result<never> {
  if (error instanceof CuttingsError) return fail(error.code, error.message);
  const message = error instanceof Error ? error.message : String(error);
  return fail('internal', `internal: ${message}`);
}

/**
 * What the settings channels need beyond a library: the settings file and the switchable
 * library session (main/core/settings/), and from the desktop app the OS's folder picker and
 * a hook to apply a change (the native theme). The harness passes the first two.
 */
export interface SettingsServices {
  settings: SettingsStore;
  session: LibrarySession;
  /** Shows the OS's folder dialog; resolves to null when the user cancels. */
  chooseFolder?: (mode: 'open' | 'create') => Promise<string | null>;
  /** Hears every change, after it is on disk. */
  onChange?: (settings: StoredSettings) => void;
}

/**
 * What the export channels need from the desktop app (or the harness): a way to tell the
 * window how an export is going, and the OS's save dialog. Without them exports still run,
 * silently, and the path must be typed.
 */
export interface ExportServices {
  /** Sends an app event to the window (export progress). */
  sendEvent?: (event: AppEvent) => void;
  /** Shows the OS's save dialog for an export in `format`; resolves to null when the user cancels. */
  chooseSavePath?: (format: ExportFormatName) => Promise<string | null>;
}

/**
 * Builds the table over one open library. `getLibrary` is asked on every call so that the
 * app can switch libraries without re-registering handlers.
 */
export function createHandlerTable(
  getLibrary: () => Library,
  services?: SettingsServices,
  /** The "Clip from the browser" setting; main/index.ts passes its own to restore and close it. */
  browserClipping: BrowserClippingSwitch = new BrowserClippingSwitch(getLibrary),
  exportServices: ExportServices = {},
): HandlerTable {
  const exports = new ExportJobs(getLibrary, exportServices.sendEvent);
  const settingsServices = (): SettingsServices => {
    if (!services) throw new CuttingsError('internal', 'settings: this handler table was built without settings');
    return services;
  };
  const view = (stored: StoredSettings): AppSettings => ({
    libraryPath: getLibrary().path,
    theme: stored.theme,
  });

  const api: { [M in ApiMethod]: (...args: Parameters<CuttingsApi[M]>) => Promise<unknown> } = {
    libraryInfo: async () => getLibrary().info(),
    listArticles: async () => getLibrary().list(),
    getArticle: async (id) => getLibrary().get(id),
    addText: async (request) => getLibrary().addText(request, request.fileName ? 'file' : 'paste'),
    addHtml: async (request) => getLibrary().addHtml(request, request.fileName ? 'file' : 'paste'),
    addTextChecked: async ({ onDuplicate, ...request }) =>
      getLibrary().addChecked({ kind: 'text', request, method: request.fileName ? 'file' : 'paste' }, onDuplicate ?? 'ask'),
    search: async (request) => getLibrary().search(request.query, request),
    updateTags: async (request) => getLibrary().updateTags(request.id, request.add ?? [], request.remove ?? []),
    listTags: async () => getLibrary().listTags(),
    listSavedSearches: async () => getLibrary().savedSearches(),
    saveSearch: async (search) => getLibrary().saveSearch(search.name, search.query),
    deleteSavedSearch: async (name) => getLibrary().deleteSavedSearch(name),
    getSettings: async () => view(settingsServices().settings.current),
    updateSettings: async (change) => {
      const { settings, onChange } = settingsServices();
      const stored = await settings.update(change);
      onChange?.(stored);
      return view(stored);
    },
    switchLibrary: async (request) => {
      const { settings, session, onChange } = settingsServices();
      const library = await session.switchTo(request.path, request.mode);
      const stored = await settings.update({ libraryPath: library.path });
      onChange?.(stored);
      return view(stored);
    },
    chooseLibraryFolder: async (mode) => {
      const { chooseFolder } = settingsServices();
      if (!chooseFolder) throw new CuttingsError('invalid-input', "settings: choosing a folder needs the desktop app; type the folder's full path instead");
      return chooseFolder(mode);
    },
    addUrl: async (request) => clipUrl(getLibrary(), request),
    addFile: async ({ name, dataBase64, onDuplicate, ...metadata }) =>
      getLibrary().addChecked(await fileBytesToItem(Buffer.from(dataBase64, 'base64'), name, metadata), onDuplicate ?? 'ask'),
    recapture: async (id) => {
      const result = await recapture(getLibrary(), id);
      return {
        url: result.url,
        changed: result.changed,
        versionId: result.version?.id ?? null,
        firstId: result.first.id,
        previousId: result.previous.id,
        previousClipped: result.previous.clipped,
        diff: result.diff,
      };
    },
    browserClipping: async () => browserClipping.status(),
    setBrowserClipping: async (enabled) => browserClipping.set(enabled),
    exportArticles: async (request) => exports.run(request),
    cancelExport: async () => exports.cancel(),
    chooseExportPath: async (format) => {
      if (!exportServices.chooseSavePath) throw new CuttingsError('invalid-input', 'export: choosing where to save needs the desktop app; type the full path instead');
      return exportServices.chooseSavePath(format);
    },
    importDroppedFile: async ({ name, dataBase64 }) => importFileBytes(getLibrary(), name, Buffer.from(dataBase64, 'base64')),
    ...organiseApi(getLibrary, exportServices.sendEvent),
    ...notesApi(getLibrary),
  };

  const table = new Map<string, Handler>();
  for (const method of Object.keys(CHANNELS) as ApiMethod[]) {
    const schema = schemas[method];
    table.set(CHANNELS[method], async (args) => {
      const parsed = schema.safeParse(args);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
        return fail('invalid-input', `${method}: invalid arguments${where}: ${issue?.message ?? 'unknown problem'}`);
      }
      try {
        const call = api[method] as (...a: unknown[]) => Promise<unknown>;
        return ok(await call(...(parsed.data as unknown[])));
      } catch (error) {
        return toFailure(error);
      }
    });
  }
  return table;
}
