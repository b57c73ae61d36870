import { describe, expect, it } from 'vitest';
import { parsePage, withDomWindow } from '../../../../../main/core/clip/dom';
import { textBlocks } from '../../../../../main/core/clip/blocks/text-blocks';

const blocksOf = (body: string) =>
  withDomWindow((window) => {
    const page = textBlocks(parsePage(window, `<html><head><title>t</title></head><body>${body}</body></html>`));
    return {
      page,
      rows: page.blocks.map((block) => ({ text: block.text, words: block.words, linked: block.linkedWords, links: block.links, owner: block.owner.localName, allLinked: block.allLinked })),
    };
  });

describe('textBlocks', () => {
  it('cuts the page at block-level elements, keeping inline markup inside one block', () => {
    const { rows, page } = blocksOf('<div>Intro <b>bold</b> text<p>A paragraph with <a href="/x">a link</a>.</p>After it</div><ul><li><a href="/a">Home</a></li></ul>');
    expect(rows.map((row) => row.text)).toEqual(['Intro bold text', 'A paragraph with a link.', 'After it', 'Home']);
    expect(rows.map((row) => row.owner)).toEqual(['div', 'p', 'div', 'li']);
    expect(rows[1]).toMatchObject({ words: 5, linked: 2, links: 1, allLinked: false });
    expect(rows[3]).toMatchObject({ linked: 1, links: 1, allLinked: true });
    expect(page.words).toBe(3 + 5 + 2 + 1);
  });

  it('ends a block at two <br>s in a row, as older pages write paragraphs, but not at one', () => {
    const { rows } = blocksOf('<td>First line<br>same paragraph<br><br>Second paragraph</td>');
    expect(rows.map((row) => row.text)).toEqual(['First line same paragraph', 'Second paragraph']);
  });

  it('reads no script, style, form control or hidden template, and drops blocks without a word', () => {
    const { rows } = blocksOf('<p>Kept</p><script>var x = 1</script><style>p{}</style><select><option>Pick</option></select><button>Go</button><template><p>No</p></template><p> — </p>');
    expect(rows.map((row) => row.text)).toEqual(['Kept']);
  });

  it('counts words as the benchmarks do (letters, marks, digits; not punctuation)', () => {
    const { rows } = blocksOf('<p>Zürich’s 2,500 cafés — «open»!</p>');
    expect(rows[0]?.words).toBe(6);
  });

  it('notes the pictures between blocks', () => {
    const { page } = blocksOf('<p>One</p><img src="a.jpg"><p>Two</p>');
    expect(page.images.map((image) => image.before)).toEqual([1]);
  });
});
