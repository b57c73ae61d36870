/**
 * The handlers for scans: recognising photos, scanned pages and PDFs into cuttings (in
 * the library's OCR worker, with a `scan-progress` event before each page), cancelling that
 * between pages, the languages on offer, a scan's pages and words for the reader, and the
 * user's correction of a scan's text (a new version). handler-table.ts joins these into the
 * one handler table.
 */
import { z } from 'zod';
import type { AppEvent } from '../../../common/api';
import { MAX_FILE_BYTES } from '../../core/capture/read-article-file';
import { scanFilesToItem, type ScanAddOptions } from '../../core/capture/scan-item';
import type { Library } from '../../core/library';
import { libraryOcrDefaults, OCR_LANGUAGE_CODES, OCR_LANGUAGES, parseOcrLanguages } from '../../core/ocr/ocr-languages';
import type { GroupMethods, GroupSchemas } from '../handler-group';

type ScansMethod = 'addScan' | 'cancelScans' | 'ocrLanguages' | 'getScan' | 'correctScanText';

const optionalText = z.string().max(2048).optional();
// As for addFile: base64 takes four characters for three bytes; the files of one cutting together.
const MAX_BASE64 = Math.ceil(MAX_FILE_BYTES / 3) * 4;

/** The argument schema of each scan method. */
export const scansSchemas = {
  addScan: z.tuple([
    z
      .object({
        files: z.array(z.object({ name: z.string().min(1).max(500), dataBase64: z.string().max(MAX_BASE64) }).strict()).min(1).max(100),
        languages: z.string().max(100).optional(),
        printPage: z.string().max(100).optional(),
        section: z.string().max(200).optional(),
        title: optionalText,
        source: optionalText,
        published: optionalText,
        tags: z.array(z.string().max(1000)).max(1000).optional(),
        onDuplicate: z.enum(['ask', 'skip', 'keep', 'version']).optional(),
      })
      .strict()
      .refine((request) => request.files.reduce((total, file) => total + file.dataBase64.length, 0) <= MAX_BASE64, { message: `the files of one cutting may hold ${MAX_FILE_BYTES / (1024 * 1024)} MB at most` }),
  ]),
  cancelScans: z.tuple([]),
  ocrLanguages: z.tuple([]),
  getScan: z.tuple([z.string().min(1).max(200)]),
  correctScanText: z.tuple([z.object({ id: z.string().min(1).max(200), text: z.string().min(1).max(32 * 1024 * 1024) }).strict()]),
} satisfies GroupSchemas<ScansMethod>;

/** How a scan added from the window is recognised: the languages asked for or the defaults, in the library's OCR worker, each page told to the window. */
export function windowScanOptions(library: Library, languages: string | undefined, sendEvent?: (event: AppEvent) => void): ScanAddOptions {
  return {
    languages: languages ? parseOcrLanguages(languages) : libraryOcrDefaults(library),
    recogniser: library.scans,
    onProgress: (progress) => sendEvent?.({ type: 'scan-progress', file: progress.file, page: progress.page, pages: progress.pages }),
  };
}

/** The scan methods over the library in use; `sendEvent` tells the window how far a scan has got. */
export function scansMethods(getLibrary: () => Library, sendEvent?: (event: AppEvent) => void): GroupMethods<ScansMethod> {
  return {
    addScan: async ({ files, languages, printPage, section, onDuplicate, ...metadata }) => {
      const library = getLibrary();
      const options = { ...windowScanOptions(library, languages, sendEvent), ...(printPage ? { printPage } : {}), ...(section ? { section } : {}) };
      const item = await scanFilesToItem(files.map((file) => ({ name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') })), metadata, options);
      return library.addChecked(item, onDuplicate ?? 'ask');
    },
    cancelScans: async () => getLibrary().scans.cancel(),
    ocrLanguages: async () => ({
      languages: OCR_LANGUAGE_CODES.map((code) => ({ code, name: OCR_LANGUAGES[code] })),
      defaults: await libraryOcrDefaults(getLibrary())(),
    }),
    getScan: async (id) => getLibrary().scanView(id),
    correctScanText: async ({ id, text }) => getLibrary().correctScanText(id, text),
  };
}
