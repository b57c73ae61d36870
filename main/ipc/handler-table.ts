/**
 * The handler table: one handler per channel in CHANNELS. Each validates its arguments with
 * a zod schema, calls main/core and returns a Result; it never throws. The schemas and
 * methods come from the groups in handlers/, one file per concept; this file joins them into
 * the one table, which the compiler checks covers every method of the contract. Built without
 * electron so that the test harness (tests/harness/) serves this very table over HTTP;
 * main/ipc/register.ts binds it to ipcMain and adds the sender check.
 */
import type { z } from 'zod';
import { CHANNELS, type ApiMethod } from '../../common/api';
import { CuttingsError } from '../../common/errors';
import { fail, ok, type Result } from '../../common/result';
import { BrowserClippingSwitch } from '../core/browser/browser-clipping-switch';
import type { Library } from '../core/library';
import type { GroupMethods } from './handler-group';
import { articlesMethods, articlesSchemas } from './handlers/articles';
import { browserPairingMethods, browserPairingSchemas } from './handlers/browser-pairing';
import { evidenceMethods, evidenceSchemas, type EvidenceServices } from './handlers/evidence';
import { clippingMethods, clippingSchemas } from './handlers/clipping';
import { exportMethods, exportSchemas, type ExportServices } from './handlers/export';
import { notesMethods, notesSchemas } from './handlers/notes';
import { organiseMethods, organiseSchemas } from './handlers/organise';
import { scansMethods, scansSchemas } from './handlers/scans';
import { searchMethods, searchSchemas } from './handlers/search';
import { settingsMethods, settingsSchemas, type SettingsServices } from './handlers/settings';

/** A handler takes the raw argument list sent over the channel. */
export type Handler = (args: unknown[]) => Promise<Result<unknown>>;

/** One handler per channel name. */
export type HandlerTable = ReadonlyMap<string, Handler>;

/** The argument schema of every method, as a tuple of its parameters. */
const schemas = {
  ...articlesSchemas,
  ...clippingSchemas,
  ...searchSchemas,
  ...organiseSchemas,
  ...notesSchemas,
  ...settingsSchemas,
  ...exportSchemas,
  ...browserPairingSchemas,
  ...scansSchemas,
  ...evidenceSchemas,
} satisfies Record<ApiMethod, z.ZodType>;

/** Turns whatever a core call threw into an ApiError; unexpected errors become `internal`. */
export function toFailure(error: unknown): Result<never> {
  if (error instanceof CuttingsError) return fail(error.code, error.message);
  const message = error instanceof Error ? error.message : String(error);
  return fail('internal', `internal: ${message}`);
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
  /** The OS's dialogs for an evidence report; without them the path is typed. */
  evidenceServices: EvidenceServices = {},
): HandlerTable {
  const api: GroupMethods<ApiMethod> = {
    ...articlesMethods(getLibrary),
    ...clippingMethods(getLibrary, browserClipping, exportServices.sendEvent),
    ...searchMethods(getLibrary),
    ...organiseMethods(getLibrary, exportServices.sendEvent),
    ...notesMethods(getLibrary),
    ...settingsMethods(getLibrary, services),
    ...exportMethods(getLibrary, exportServices),
    ...browserPairingMethods(browserClipping),
    ...scansMethods(getLibrary, exportServices.sendEvent),
    ...evidenceMethods(getLibrary, evidenceServices),
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
