/**
 * The text of a PDF, for storing a PDF cutting: pdf.js (Mozilla's, the legacy build, which
 * runs in Node 20 without a DOM) reads each page's text items; lines end where pdf.js says
 * a line ends, and pages are separated by a blank line.
 */
import { CuttingsError } from '../../../common/errors';

/** What a PDF holds for clipping. */
export interface PdfText {
  /** The document's own title (its Info dictionary), if it has one. */
  title: string | null;
  /** Its author, if it names one. */
  author: string | null;
  /** The text, paragraphs separated by blank lines. */
  text: string;
  pages: number;
}

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

/**
 * Extracts the text of a PDF. `name` (a file name or URL) is used in error messages. Throws
 * `bad-content` for bytes that are not a PDF, a damaged or encrypted one, or one with no text
 * (a scan: Cuttings does not run OCR).
 */
export async function extractPdfText(bytes: Uint8Array, name: string): Promise<PdfText> {
  if (!looksLikePdf(bytes)) throw new CuttingsError('bad-content', `pdf: ${name} is not a PDF (it does not start with %PDF-)`);
  // Loaded only when a PDF is clipped: pdf.js is large.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let document: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    // pdf.js takes ownership of the array it is given, so it gets a copy.
    document = await pdfjs.getDocument({
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
  try {
    const pages: string[] = [];
    for (let number = 1; number <= Math.min(document.numPages, MAX_PAGES); number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      pages.push(tidyPageText(text));
      page.cleanup();
    }
    const text = pages.filter((page) => page !== '').join('\n\n');
    if (text.trim() === '') {
      throw new CuttingsError('bad-content', `pdf: ${name} has no text in it (a scanned document? Cuttings does not read text from images)`);
    }
    const { info } = (await document.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    const field = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/gu, ' ').trim() : null);
    return { title: field(info.Title), author: field(info.Author), text, pages: document.numPages };
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
