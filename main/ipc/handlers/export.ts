/**
 * The handlers of the window's Export dialog: export, cancel, and the OS's save dialog.
 * An export runs main/core/export's exportArticles — the same call `cuttings export` makes —
 * one at a time, tells the window how far it has got with `export-progress` app events, and
 * is cancelled on request through its AbortSignal. The export code writes under a temporary
 * name and renames when complete, so a cancelled or failed export leaves nothing at the path
 * asked for. handler-table.ts joins these into the one handler table.
 */
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { EXPORT_FORMAT_NAMES, type AppEvent, type ExportFormatName, type ExportRequest, type ExportSummary } from '../../../common/api';
import { CuttingsError } from '../../../common/errors';
import { exportArticles } from '../../core/export';
import type { Library } from '../../core/library';
import type { GroupMethods, GroupSchemas } from '../handler-group';

type ExportMethod = 'exportArticles' | 'cancelExport' | 'chooseExportPath';

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

/** The argument schema of each export method. */
export const exportSchemas = {
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
} satisfies GroupSchemas<ExportMethod>;

/** The export methods over the library in use. */
export function exportMethods(getLibrary: () => Library, exportServices: ExportServices): GroupMethods<ExportMethod> {
  const exports = new ExportJobs(getLibrary, exportServices.sendEvent);
  return {
    exportArticles: async (request) => exports.run(request),
    cancelExport: async () => exports.cancel(),
    chooseExportPath: async (format) => {
      if (!exportServices.chooseSavePath) throw new CuttingsError('invalid-input', 'export: choosing where to save needs the desktop app; type the full path instead');
      return exportServices.chooseSavePath(format);
    },
  };
}

/** The shortest time between two progress events, so that a fast export does not flood the window. */
export const PROGRESS_INTERVAL_MS = 100;

/** Runs the window's exports, one at a time. */
export class ExportJobs {
  private running: AbortController | null = null;

  /** `sendEvent` carries progress to the window (webContents.send in the app, server-sent events in the harness). */
  constructor(
    private readonly getLibrary: () => Library,
    private readonly sendEvent: (event: AppEvent) => void = () => undefined,
  ) {}

  /** Whether an export is under way. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** Exports as the request says; resolves to what was written. */
  async run(request: ExportRequest): Promise<ExportSummary> {
    if (!isAbsolute(request.path)) {
      throw new CuttingsError('invalid-input', `export: give the full path to write to, not ${JSON.stringify(request.path)}`);
    }
    if (this.running) throw new CuttingsError('invalid-input', 'export: another export is under way; wait for it to finish or cancel it');
    const controller = new AbortController();
    this.running = controller;
    let lastSent = 0;
    const onProgress = (done: number, total: number) => {
      const now = Date.now();
      if (done < total && now - lastSent < PROGRESS_INTERVAL_MS) return;
      lastSent = now;
      this.sendEvent({ type: 'export-progress', done, total });
    };
    try {
      const path = resolve(request.path);
      const count = await exportArticles(this.getLibrary(), request.format, request.scope, path, {
        text: request.options?.text,
        bom: request.options?.bom,
        onProgress,
        signal: controller.signal,
      });
      return { format: request.format, count, path, bytes: await sizeOf(path) };
    } finally {
      this.running = null;
    }
  }

  /** Cancels the export under way; resolves to whether there was one. */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }
}

/** The size of a file, or of every file in a folder (the HTML site, the data package). */
async function sizeOf(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(path, { withFileTypes: true })) total += await sizeOf(join(path, entry.name));
  return total;
}
