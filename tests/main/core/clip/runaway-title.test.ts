import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../../main/core/clip/extract';
import { closeRunawayTitle } from '../../../../main/core/clip/runaway-title';

const STORY = '<p>The council voted on Tuesday to close the harbour to cargo ships for the winter, after storms damaged two of its three piers.</p>'.repeat(3);

describe('closeRunawayTitle', () => {
  it('closes a title cut short by a broken end tag at its first tag', () => {
    expect(closeRunawayTitle('<head><title id="t">Harbour closes</titlevalue="true" -->\n</head><body><p>x</p>')).toBe(
      '<head><title id="t">Harbour closes</title></titlevalue="true" -->\n</head><body><p>x</p>',
    );
  });

  it('closes a title that runs on into script at the end of its first line', () => {
    expect(closeRunawayTitle('<title>Harbour closes (Gazette)ntById("font");\nobj.size = 2;\n</script></head><body>')).toBe(
      '<title>Harbour closes (Gazette)ntById("font");</title>\nobj.size = 2;\n</script></head><body>',
    );
  });

  it('leaves a page whose title closes, in any case and with attributes, as it is', () => {
    for (const page of ['<title>A</title><body>B', '<TITLE lang="en">A</TITLE >', '<title>A</title/>', '<p>No title</p>']) {
      expect(closeRunawayTitle(page)).toBe(page);
    }
  });

  it("leaves a title inside the body alone (an SVG's), which is not the page's", () => {
    const page = '<html><body><svg><title>Chart of votes<rect/></svg><p>Story</p>';
    expect(closeRunawayTitle(page)).toBe(page);
  });
});

describe('extractPage on a page whose title never closes', () => {
  it('gives its article, which a parser would have read as the title', () => {
    const page = `<html><head><title>Harbour closes for winter</titlevalue="true" -->\n</head><body><h1>Harbour closes for winter</h1>${STORY}</body></html>`;
    const extracted = extractPage(page);
    expect(extracted.title).toBe('Harbour closes for winter');
    expect(extracted.text).toContain('The council voted on Tuesday to close the harbour');
  });
});
