/**
 * The text of a PDF, for storing a PDF cutting: pdf.js (Mozilla's, the legacy build, which
 * runs in Node 20 without a DOM) reads each page's text items; lines end where pdf.js says
 * a line ends, and pages are separated by a blank line.
 */
import { CuttingsError, oneLineMessage } from '../../../common/errors';

/** What a PDF holds for clipping. */
export interface PdfText {
  /** The document's own title (its Info dictionary), if it has one. */
  title: string | null;
  /** Its author, if it names one. */
  author: string | null;
  /** The text, paragraphs separated by blank lines. */
  text: string;
  pages: number;
  /** Pages with (almost) no text of their own: scanned pages, for recognition. */
  pagesWithoutText: number;
}

/**
 * A page with fewer letters and digits than this in its text layer has none to speak of: a
 * scanned page (or a blank one), for recognition. A scanner's PDF has none at all; a typed
 * page, even a short note, has more.
 */
export const PAGE_TEXT_MIN_CHARACTERS = 10;

/**
 * The title and text of a PDF cutting's add request: the title the user gave, else the
 * PDF's own, given beside the text (so that all of the text is the article); with neither,
 * the text's first line is the title, as for pasted text.
 */
export function pdfTitleAndText(pdf: PdfText, givenTitle: string | undefined): { title?: string; text: string } {
  const title = givenTitle?.trim() ? givenTitle : (pdf.title ?? undefined);
  return { ...(title !== undefined ? { title } : {}), text: pdf.text };
}

/** Pages read at most: a 2,000-page report is not a cutting, and reading it would stall. */
const MAX_PAGES = 500;

/** True if the bytes start like a PDF (`%PDF-`). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/** An open pdf.js document. */
export type PdfDocument = Awaited<ReturnType<(typeof import('pdfjs-dist/legacy/build/pdf.mjs'))['getDocument']>['promise']>;

/** A page of an open document. */
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** Opens a PDF with pdf.js; `bad-content` naming `name` for one damaged or encrypted. */
export async function openPdfDocument(bytes: Uint8Array, name: string): Promise<PdfDocument> {
  // Loaded only when a PDF is read: pdf.js is large.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  try {
    // pdf.js takes ownership of the array it is given, so it gets a copy.
    return await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const reason = (error as Error).name === 'PasswordException' ? 'it is encrypted with a password' : (error as Error).message;
    throw new CuttingsError('bad-content', `pdf: cannot read ${name}: ${reason}`);
  }
}

/** A page's text layer, lines ending where pdf.js says, tidied; and whether it has next to none (a scanned page). */
export async function pdfPageText(page: PdfPage): Promise<{ text: string; scanned: boolean }> {
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return { text: tidyPageText(text), scanned: text.replace(/[^\p{L}\p{N}]/gu, '').length < PAGE_TEXT_MIN_CHARACTERS };
}

/**
 * A damaged page (a stream cut short, an object missing) as one line naming the file and the
 * page: pdf.js throws its own terse message ("Missing endstream command.") from any step.
 */
export async function readingPage<T>(name: string, number: number, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof CuttingsError) throw error;
    throw new CuttingsError('bad-content', `pdf: cannot read page ${number} of ${name}: ${oneLineMessage(error)}`);
  }
}

/**
 * Extracts the text of a PDF. `name` (a file name or URL) is used in error messages. Throws
 * `bad-content` for bytes that are not a PDF, a damaged or encrypted one, or one with no text
 * (a scan), unless `allowScans`: then a PDF with scanned pages answers how many, for
 * recognition (main/core/ocr).
 */
export async function extractPdfText(bytes: Uint8Array, name: string, options: { allowScans?: boolean } = {}): Promise<PdfText> {
  if (!looksLikePdf(bytes)) throw new CuttingsError('bad-content', `pdf: ${name} is not a PDF (it does not start with %PDF-)`);
  const document = await openPdfDocument(bytes, name);
  try {
    const pages: string[] = [];
    let pagesWithoutText = 0;
    for (let number = 1; number <= Math.min(document.numPages, MAX_PAGES); number++) {
      const page = await readingPage(name, number, () => document.getPage(number));
      const { text, scanned } = await readingPage(name, number, () => pdfPageText(page));
      pages.push(text);
      if (scanned) pagesWithoutText++;
      page.cleanup();
    }
    const text = pages.filter((page) => page !== '').join('\n\n');
    if (options.allowScans && pagesWithoutText > 0) return { title: null, author: null, text, pages: document.numPages, pagesWithoutText };
    if (text.trim() === '') {
      throw new CuttingsError('bad-content', `pdf: ${name} has no text in it (a scanned document? save it and add the file: Cuttings recognises scanned PDFs added as files)`);
    }
    const { info } = (await document.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    const field = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/gu, ' ').trim() : null);
    return { title: field(info.Title), author: field(info.Author), text, pages: document.numPages, pagesWithoutText };
  } finally {
    await document.destroy();
  }
}

/** Collapses runs of spaces, keeps line breaks, and turns two or more into one blank line. */
function tidyPageText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/gu, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}
