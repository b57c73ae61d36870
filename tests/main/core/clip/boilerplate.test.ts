import { describe, expect, it } from 'vitest';
import { removeBoilerplate, trimArticle } from '../../../../main/core/clip/boilerplate';
import { parsePage, withDomWindow } from '../../../../main/core/clip/dom';

const SENTENCE = 'The council voted on Tuesday to close the old bridge to lorries after engineers found cracks in two piers.';

function afterCleaning(body: string, clean: (root: Parameters<typeof trimArticle>[0]) => void): string {
  return withDomWindow((window) => {
    const document = parsePage(window, `<html><body>${body}</body></html>`);
    clean(document.body);
    return document.body.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  });
}

describe('removeBoilerplate', () => {
  it('removes share bars, newsletter boxes, related links and comment threads', () => {
    const text = afterCleaning(
      `<article><p>${SENTENCE}</p><div class="share-buttons">Share on X</div><aside class="newsletter">Sign up</aside>` +
        `<div class="related-posts"><a href="/a">Another story</a></div><div id="comments">${`<p>${SENTENCE}</p>`.repeat(5)}</div></article>`,
      removeBoilerplate,
    );
    expect(text).toBe(SENTENCE);
  });

  it('keeps an article wrapper that carries such a class, and a comment box that holds the headline', () => {
    expect(afterCleaning(`<div class="social main"><p>${SENTENCE.repeat(3)}</p></div><div>x</div>`, removeBoilerplate)).toContain('engineers');
    expect(afterCleaning(`<div class="comments-area"><h1>Headline</h1><p>${SENTENCE}</p></div>`, removeBoilerplate)).toContain('Headline');
  });
});

describe('trimArticle', () => {
  it('removes "read more" teasers, calls to subscribe and the trail of links after the text', () => {
    const text = afterCleaning(
      `<p>${SENTENCE}</p><p>Read more: <a href="/x">Another story about bridges</a></p><p>${SENTENCE}</p>` +
        '<p>Subscribe now to our e-edition for the full story.</p><p>Von:</p><ul><li><a href="/a">Tag one</a></li><li><a href="/b">Tag two</a></li></ul>',
      trimArticle,
    );
    expect(text).toBe(`${SENTENCE}${SENTENCE}`);
  });

  it('keeps a last paragraph that is a sentence with links, captions, and the first block whatever it is', () => {
    const links = `<p>See <a href="/r">the report</a>, <a href="/w">write to us</a> or <a href="#top">go up</a>.</p>`;
    expect(afterCleaning(`<p>${SENTENCE}</p>${links}`, trimArticle)).toContain('go up.');
    expect(afterCleaning(`<p>${SENTENCE}</p><figure><figcaption>The quay</figcaption></figure>`, trimArticle)).toContain('The quay');
    expect(afterCleaning('<p>Short line</p>', trimArticle)).toBe('Short line');
  });
});
