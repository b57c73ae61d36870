/**
 * The handlers that bring articles in: pasted text and HTML (checked for duplicates or not),
 * a web address, a chosen file, a dropped archive or dataset, fetching an article's address
 * again, and the "Clip from the browser" switch. handler-table.ts joins these into the one
 * handler table.
 */
import { z } from 'zod';
import type { BrowserClippingSwitch } from '../../core/browser/browser-clipping-switch';
import { fileBytesToItem, MAX_FILE_BYTES } from '../../core/capture/read-article-file';
import { clipUrl } from '../../core/fetch/clip-url';
import { recapture } from '../../core/fetch/recapture';
import { importFileBytes } from '../../core/import/import-opened-file';
import type { Library } from '../../core/library';
import type { GroupMethods, GroupSchemas } from '../handler-group';
import type { AppEvent } from '../../../common/api';
import { windowScanOptions } from './scans';

type ClippingMethod =
  | 'addText'
  | 'addHtml'
  | 'addTextChecked'
  | 'addUrl'
  | 'addFile'
  | 'recapture'
  | 'importDroppedFile'
  | 'browserClipping'
  | 'setBrowserClipping';

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

/** The argument schema of each clipping method. */
export const clippingSchemas = {
  addText: z.tuple([z.object({ text: text.max(MAX_INPUT_CHARS), ...addOptions }).strict()]),
  addHtml: z.tuple([z.object({ html: text.max(MAX_INPUT_CHARS), ...addOptions }).strict()]),
  addTextChecked: z.tuple([z.object({ text: text.max(MAX_INPUT_CHARS), ...addOptions, onDuplicate: z.enum(['ask', 'skip', 'keep', 'version']).optional() }).strict()]),
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
  importDroppedFile: z.tuple([z.object({ name: z.string().min(1).max(500), dataBase64: z.string().max(Math.ceil(MAX_FILE_BYTES / 3) * 4) }).strict()]),
  browserClipping: z.tuple([]),
  setBrowserClipping: z.tuple([z.boolean()]),
} satisfies GroupSchemas<ClippingMethod>;

/** The clipping methods over the library in use; `browserClipping` is the app's one switch for clipping from the browser. */
export function clippingMethods(getLibrary: () => Library, browserClipping: BrowserClippingSwitch, sendEvent?: (event: AppEvent) => void): GroupMethods<ClippingMethod> {
  return {
    addText: async (request) => getLibrary().addText(request, request.fileName ? 'file' : 'paste'),
    addHtml: async (request) => getLibrary().addHtml(request, request.fileName ? 'file' : 'paste'),
    addTextChecked: async ({ onDuplicate, ...request }) =>
      getLibrary().addChecked({ kind: 'text', request, method: request.fileName ? 'file' : 'paste' }, onDuplicate ?? 'ask'),
    addUrl: async (request) => clipUrl(getLibrary(), request),
    // A scan among the files (an image, a scanned PDF) is recognised in the library's OCR worker.
    addFile: async ({ name, dataBase64, onDuplicate, ...metadata }) =>
      getLibrary().addChecked(await fileBytesToItem(Buffer.from(dataBase64, 'base64'), name, metadata, windowScanOptions(getLibrary(), undefined, sendEvent)), onDuplicate ?? 'ask'),
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
    importDroppedFile: async ({ name, dataBase64 }) => importFileBytes(getLibrary(), name, Buffer.from(dataBase64, 'base64')),
    browserClipping: async () => browserClipping.status(),
    setBrowserClipping: async (enabled) => browserClipping.set(enabled),
  };
}
