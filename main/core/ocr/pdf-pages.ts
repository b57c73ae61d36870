/**
 * The pages of a scanned PDF: each page's own text layer when it has one (a PDF half typed,
 * half scanned keeps its typed pages' text as written), and otherwise the page drawn at
 * 300 dpi with pdf.js onto a canvas (@napi-rs/canvas, Skia, which pdf.js uses in Node) for
 * recognition.
 */
import type { GreyImage } from './grey-image';
import { MAX_WORKING_SIDE } from './clean-page';
import { openPdfDocument, pdfPageText, readingPage } from '../capture/pdf-text';

/** One page of a PDF: its text, when it has a text layer, and a way to draw it. */
export interface PdfPage {
  number: number;
  /** The text layer's text, or null for a scanned page. */
  text: string | null;
  /** Draws the page in grey at 300 dpi (at most MAX_WORKING_SIDE on its longest side). */
  draw(): Promise<GreyImage>;
}

/** An open PDF to read page by page; close it when done. */
export interface OpenPdf {
  pages: number;
  page(number: number): Promise<PdfPage>;
  close(): Promise<void>;
}

/** Opens a PDF for recognition; `name` goes in its errors. */
export async function openPdf(bytes: Uint8Array, name: string): Promise<OpenPdf> {
  const document = await openPdfDocument(bytes, name);
  return {
    pages: document.numPages,
    page: async (number) => {
      const page = await readingPage(name, number, () => document.getPage(number));
      const { text, scanned } = await readingPage(name, number, () => pdfPageText(page));
      return {
        number,
        text: scanned ? null : text,
        draw: async () => {
          const base = page.getViewport({ scale: 1 });
          const scale = Math.min(300 / 72, MAX_WORKING_SIDE / Math.max(base.width, base.height));
          const viewport = page.getViewport({ scale });
          const factory = (document as unknown as { canvasFactory: { create(w: number, h: number): { canvas: unknown; context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } ; fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void } } } }).canvasFactory;
          const [width, height] = [Math.ceil(viewport.width), Math.ceil(viewport.height)];
          const { canvas, context } = factory.create(width, height);
          context.fillStyle = '#ffffff';
          context.fillRect(0, 0, width, height);
          await readingPage(name, number, () => page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise);
          const rgba = context.getImageData(0, 0, width, height).data;
          const pixels = new Uint8Array(width * height);
          for (let i = 0; i < pixels.length; i++) pixels[i] = Math.round(rgba[i * 4]! * 0.299 + rgba[i * 4 + 1]! * 0.587 + rgba[i * 4 + 2]! * 0.114);
          page.cleanup();
          return { width, height, pixels };
        },
      };
    },
    close: () => document.destroy(),
  };
}
