import { describe, expect, it } from 'vitest';
import { parsePage, withDomWindow } from '../../../../main/core/clip/dom';

/**
 * The body parsePage gives, and whether it took jsdom's second parse (a jsdom document is the
 * window's `Document`; linkedom's is not). Mended in place, a page needs no second parse.
 */
const bodyOf = (html: string): { html: string; text: string; className: string | null; parsedAgain: boolean } =>
  withDomWindow((window) => {
    const document = parsePage(window, html);
    const parsedAgain = document instanceof window.Document;
    return { html: document.body.innerHTML, text: document.body.textContent ?? '', className: document.body.getAttribute('class'), parsedAgain };
  });

describe('parsePage', () => {
  it('puts an element between </head> and <body> in the one body, as a browser does, with the body tag’s attributes', () => {
    const page = bodyOf('<html><head><title>T</title></head><script>track()</script><body class="story"><p>The council met.</p></body></html>');
    expect(page.html).toBe('<script>track()</script><p>The council met.</p>');
    expect(page.className).toBe('story');
    expect(page.parsedAgain).toBe(false);
  });

  it('keeps the page’s order when stray elements come after the body too', () => {
    const page = bodyOf('<html><head></head><style>p {}</style><body><p>One.</p></body><img src="pixel.gif"><p>Two.</p></html>');
    expect(page.text).toBe('p {}One.Two.');
    expect(page.html).toContain('<p>One.</p><img src="pixel.gif"><p>Two.</p>');
    expect(page.parsedAgain).toBe(false);
  });

  it('ends the head at the first element a head may not hold, so the page’s text is in the body', () => {
    const page = bodyOf('<html><head><title>Headline</title><meta name="a" content="b"><div class="overlay">Loading</div><p>The story.</p></head><body><p>More.</p></body></html>');
    expect(page.text).toContain('The story.');
    expect(page.text).toContain('More.');
    expect(page.text.indexOf('Loading')).toBeLessThan(page.text.indexOf('The story.'));
    expect(page.text).not.toContain('Headline');
    expect(page.parsedAgain).toBe(false);
  });

  it('still parses a page again with jsdom where linkedom nests one <html> in another', () => {
    const page = bodyOf('<html><head></head><body><html class="ie"><p>Text.</p></html></body></html>');
    expect(page.text).toBe('Text.');
  });

  it('leaves a well-formed page as it is', () => {
    expect(bodyOf('<html><head><title>T</title><script>x()</script></head><body><p>Text.</p></body></html>').html).toBe('<p>Text.</p>');
  });
});
