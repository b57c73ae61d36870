import { describe, expect, it } from 'vitest';
import { parsePage, withDomWindow } from '../../../../../main/core/clip/dom';
import { articleFromBlocks } from '../../../../../main/core/clip/blocks/article-from-blocks';
import { textBlocks } from '../../../../../main/core/clip/blocks/text-blocks';

/** The article's outer HTML when the blocks whose text is in `keep` are kept. */
const cut = (body: string, keep: string[]): string | null =>
  withDomWindow((window) => {
    const page = textBlocks(parsePage(window, `<html><body>${body}</body></html>`));
    const article = articleFromBlocks(page, page.blocks.map((block) => keep.includes(block.text)));
    return article ? article.outerHTML.replace(/\s+/g, ' ') : null;
  });

describe('articleFromBlocks', () => {
  const page =
    '<div id="page"><nav><a href="/">Home</a></nav><div class="story"><h1>Headline</h1><p>First <em>para</em>.</p>' +
    '<div class="share"><a href="#">Share</a></div><p>Second para.</p><figure><img src="p.jpg"><figcaption>A caption.</figcaption></figure>' +
    '<ul><li>Point one</li><li>Point two</li></ul></div><footer>© Site</footer></div>';

  it('cuts out the smallest element holding the kept blocks, without what was not kept', () => {
    expect(cut(page, ['First para.', 'Second para.', 'A caption.', 'Point one', 'Point two'])).toBe(
      '<div class="story"><p>First <em>para</em>.</p><p>Second para.</p><figure><img src="p.jpg"><figcaption>A caption.</figcaption></figure><ul><li>Point one</li><li>Point two</li></ul></div>',
    );
  });

  it('keeps a picture that stands between two kept blocks, and drops one beside chrome', () => {
    expect(cut('<div><p>One.</p><img src="in.jpg"><p>Two.</p><img src="out.jpg"><p>Footer</p></div>', ['One.', 'Two.'])).toBe(
      '<div><p>One.</p><img src="in.jpg"><p>Two.</p></div>',
    );
  });

  it('keeps line breaks inside kept text, and answers null when nothing is kept', () => {
    expect(cut('<div><p>Line one<br>line two</p><p>Menu</p></div>', ['Line one line two'])).toBe('<p>Line one<br>line two</p>');
    expect(cut(page, [])).toBeNull();
  });
});
