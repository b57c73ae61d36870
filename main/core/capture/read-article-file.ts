/**
 * Turns a file into an item for the library's add path, whatever it is: a web page
 * (.html/.htm, SingleFile saves included), a web archive (.mhtml/.mht), plain text (.txt,
 * .md) or a PDF. The file's bytes are kept as the original; its name goes into provenance.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { AddOptions } from '../../../common/api';
import { CuttingsError } from '../../../common/errors';
import { MAX_CLIP_BYTES } from '../clip/input-checks';
import type { BatchItem } from './batch-item';
import { decodeText } from './decode-text';
import { parseMhtml } from './mhtml';
import { extractPdfText, pdfTitleAndText } from './pdf-text';
import { isScanFileName, scanFilesToItem, type ScanAddOptions } from './scan-item';
import { defaultOcrLanguages } from '../ocr/ocr-languages';
import { MAX_SCAN_PAGES } from '../ocr/scan-formats';

/** The kinds of file Cuttings clips, by extension. */
export const FILE_KINDS: Readonly<Record<string, 'html' | 'mhtml' | 'text' | 'pdf'>> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.mhtml': 'mhtml',
  '.mht': 'mhtml',
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.pdf': 'pdf',
};

/** Largest file read: web archives and PDFs carry their images, so more than a page. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Reads and prepares one file. Throws `invalid-input` naming the path for a kind Cuttings
 * does not clip or a file that cannot be read, `bad-content` for one too large or damaged.
 */
export async function readArticleFile(path: string, options: Omit<AddOptions, 'fileName'> = {}, scan?: ScanAddOptions): Promise<BatchItem> {
  const fileName = basename(path);
  if (isScanFileName(path)) return fileBytesToItem(await readBytes(path, MAX_FILE_BYTES, 'image'), fileName, options, scan);
  const kind = FILE_KINDS[extname(path).toLowerCase()];
  if (!kind) {
    throw new CuttingsError('invalid-input', `add: cannot clip ${path}: ${READABLE}`);
  }
  const small = kind === 'html' || kind === 'text';
  const bytes = await readBytes(path, small ? MAX_CLIP_BYTES : MAX_FILE_BYTES, small ? 'file' : kind === 'pdf' ? 'PDF' : 'web archive');
  return fileBytesToItem(bytes, fileName, options, scan);
}

/** The kinds of file Cuttings reads, for messages. */
const READABLE = 'Cuttings reads .html, .htm, .mhtml, .txt, .md and .pdf files, and scans (.jpg, .jpeg, .png, .tif, .tiff, .webp)';

/** Recognition's options when the caller gave none: the system's language and English. */
function scanOptions(scan: ScanAddOptions | undefined): ScanAddOptions {
  return scan ?? { languages: defaultOcrLanguages([]) };
}

/** Prepares a file's bytes (read by the CLI, or sent by the app's add dialog) for the library. */
export async function fileBytesToItem(bytes: Buffer, fileName: string, options: Omit<AddOptions, 'fileName'> = {}, scan?: ScanAddOptions): Promise<BatchItem> {
  if (isScanFileName(fileName)) return scanFilesToItem([{ name: fileName, bytes }], options, scanOptions(scan));
  const kind = FILE_KINDS[extname(fileName).toLowerCase()];
  const request = { ...options, fileName };
  switch (kind) {
    case 'html': {
      const html = decodeText(bytes);
      const saved = singleFileUrl(html);
      return {
        kind: 'html',
        request: { ...request, html },
        original: bytes,
        method: 'file',
        ...(saved ? { pageUrl: saved } : {}),
        provenance: { contentType: 'text/html' },
        // Images inside the page (a SingleFile save) go to the asset store; a saved page's
        // remote images are not fetched: adding a file does not reach out to the web.
        images: { fetchRemote: false },
      };
    }
    case 'mhtml': {
      const page = parseMhtml(bytes, fileName);
      // The archive holds the page's images: they go to the asset store from it, not the web.
      const embedded = new Map(page.parts.filter((part) => part.location && part.contentType.startsWith('image/')).map((part) => [part.location!, part.body] as const));
      return {
        kind: 'html',
        request: { ...request, html: page.html },
        original: bytes,
        originalKind: 'mhtml',
        method: 'file',
        ...(page.url ? { pageUrl: page.url } : {}),
        provenance: { contentType: 'multipart/related' },
        images: { embedded, fetchRemote: false },
      };
    }
    case 'pdf': {
      const pdf = await extractPdfText(bytes, fileName, { allowScans: true });
      // A scanned PDF, or one with scanned pages among its typed ones, is recognised (the
      // typed pages keep their own text).
      if (pdf.pagesWithoutText > 0) {
        if (pdf.pages > MAX_SCAN_PAGES) throw new CuttingsError('bad-content', `ocr: ${fileName} has ${pdf.pages} pages, ${pdf.pagesWithoutText} of them scanned; Cuttings recognises at most ${MAX_SCAN_PAGES} pages as one cutting`);
        return scanFilesToItem([{ name: fileName, bytes }], options, scanOptions(scan));
      }
      return { kind: 'text', request: { ...request, ...pdfTitleAndText(pdf, request.title) }, original: bytes, originalKind: 'pdf', method: 'file', provenance: { contentType: 'application/pdf' } };
    }
    case 'text':
      return { kind: 'text', request: { ...request, text: decodeText(bytes, null, false) }, original: bytes, method: 'file', provenance: { contentType: 'text/plain' } };
    default:
      throw new CuttingsError('invalid-input', `add: cannot clip ${fileName}: ${READABLE}`);
  }
}

/**
 * The address a SingleFile save records in its opening comment
 * (`<!-- Page saved with SingleFile \n url: https://… \n saved date: … -->`), if any.
 */
export function singleFileUrl(html: string): string | null {
  const comment = /<!--\s*Page saved with SingleFile\s+url:\s*(\S+)/iu.exec(html.slice(0, 4096));
  const url = comment?.[1];
  return url && /^https?:\/\//iu.test(url) ? url : null;
}

async function readBytes(path: string, limit: number, noun: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CuttingsError('invalid-input', `add: ${path} is not a file`);
    if (info.size > limit) {
      const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
      throw new CuttingsError('bad-content', `add: ${path} is ${megabytes(info.size)}; the largest ${noun} Cuttings clips is ${megabytes(limit)}`);
    }
    return await readFile(path);
  } catch (error) {
    if (error instanceof CuttingsError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new CuttingsError('invalid-input', `add: cannot read ${path}: ${reason}`);
  }
}
