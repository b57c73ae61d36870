import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../../main/core/capture/pdf-text';
import { openPdf } from '../../../../main/core/ocr/pdf-pages';
import { makePdf } from '../capture/make-pdf';

/** A typed PDF whose page stream lost its end: pdf.js says only "Missing endstream command." */
function pdfWithoutEndstream(): Buffer {
  const pdf = makePdf([['Council minutes', 'The council approved the plan for the new bridge over the river.']]).toString('latin1');
  return Buffer.from(pdf.replaceAll('endstream', 'endstrXam'), 'latin1');
}

describe('a damaged PDF page', () => {
  it('is refused in one line naming the file and the page, as text and as a scan', async () => {
    const bytes = new Uint8Array(pdfWithoutEndstream());
    const line = /^pdf: cannot read page 1 of minutes\.pdf: [^\n]+$/u;
    const asText = await extractPdfText(bytes, 'minutes.pdf', { allowScans: true }).then(
      () => null,
      (error: Error) => error.message,
    );
    const asScan = await (async () => {
      const pdf = await openPdf(bytes, 'minutes.pdf');
      try {
        await (await pdf.page(1)).draw();
        return null;
      } catch (error) {
        return (error as Error).message;
      } finally {
        await pdf.close();
      }
    })();
    // pdf.js may notice the damage while reading the text layer or only while drawing the page.
    expect(asText ?? asScan).toMatch(line);
    if (asText === null) expect(asScan).toMatch(line);
  });
});
