import { describe, expect, it } from 'vitest';
import { extractPdfText, looksLikePdf } from '../../../../main/core/capture/pdf-text';
import { makePdf } from './make-pdf';

describe('extractPdfText', () => {
  it('reads the text of every page, a blank line between pages, and the document title', async () => {
    const pdf = makePdf([['Ministers meet in Geneva', 'Talks went on late into the night.'], ['A second page follows.']], 'Geneva talks');
    const result = await extractPdfText(pdf, 'talks.pdf');
    expect(result.title).toBe('Geneva talks');
    expect(result.pages).toBe(2);
    expect(result.text).toBe('Ministers meet in Geneva\nTalks went on late into the night.\n\nA second page follows.');
  });

  it('refuses bytes that are not a PDF, naming them', async () => {
    await expect(extractPdfText(Buffer.from('<html></html>'), 'page.pdf')).rejects.toThrow('pdf: page.pdf is not a PDF (it does not start with %PDF-)');
  });

  it('refuses a damaged PDF with the reason', async () => {
    await expect(extractPdfText(Buffer.from('%PDF-1.4\nrubbish'), 'broken.pdf')).rejects.toThrow(/^pdf: cannot read broken\.pdf: /u);
  });

  it('refuses a PDF with no text (a scan)', async () => {
    await expect(extractPdfText(makePdf([[]]), 'scan.pdf')).rejects.toThrow('pdf: scan.pdf has no text in it');
  });

  it('knows a PDF by its first bytes', () => {
    expect(looksLikePdf(makePdf([['x']]))).toBe(true);
    expect(looksLikePdf(Buffer.from('%PD'))).toBe(false);
  });
});
