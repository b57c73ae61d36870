// @vitest-environment jsdom
/** The reader document: the article's text, our policy first, and nothing active. */
import { describe, expect, it } from 'vitest';
import { buildReaderDocument, buildReaderPage, matchId, readerPolicy } from '../../../renderer/reader/reader-document';

const STYLESHEET = 'cuttings-app://app/reader.css';

function parse(html: string): Document {
  return new DOMParser().parseFromString(buildReaderDocument(html, STYLESHEET, 'en'), 'text/html');
}

describe('buildReaderDocument', () => {
  it('puts the reader policy first in the head and links reader.css by its full URL', () => {
    const doc = parse('<p>Text</p>');
    const first = doc.head.firstElementChild;
    expect(first?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(first?.getAttribute('content')).toBe(readerPolicy(STYLESHEET));
    expect(readerPolicy(STYLESHEET)).toBe(
      `default-src 'none'; img-src cuttings-asset:; style-src ${STYLESHEET}; base-uri 'none'; form-action 'none'`,
    );
    expect(doc.head.querySelector('link[rel=stylesheet]')?.getAttribute('href')).toBe(STYLESHEET);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.body.className).toBe('cuttings-reader');
  });

  it('keeps the text and structure of the article', () => {
    const doc = parse('<h2>Heading</h2><p>First <em>paragraph</em>.</p><blockquote>Quote</blockquote>');
    expect(doc.body.innerHTML).toBe('<h2>Heading</h2><p>First <em>paragraph</em>.</p><blockquote>Quote</blockquote>');
  });

  it('drops scripts, frames, plugins, forms, styles and head elements the article brings', () => {
    const doc = parse(
      '<meta http-equiv="refresh" content="0;url=http://x/"><base href="http://x/"><link rel="stylesheet" href="http://x/a.css">' +
        '<style>p{}</style><script>alert(1)</script><p>Kept</p><iframe src="http://x/"></iframe>' +
        '<object data="http://x/"></object><embed src="http://x/"><form action="http://x/"><input></form>' +
        '<noscript><img src="http://x/pixel.gif"></noscript><svg><use href="http://x/#a"></use></svg>',
    );
    expect(doc.body.querySelectorAll('script, iframe, object, embed, form, input, style, meta, base, link, noscript, use')).toHaveLength(0);
    expect(doc.head.querySelectorAll('meta[http-equiv=refresh], base, script')).toHaveLength(0);
    expect(doc.body.textContent).toContain('Kept');
  });

  it('drops event handlers and inline styles', () => {
    const doc = parse('<p onclick="alert(1)" style="color:red" onmouseover="x()">Text</p><svg onload="alert(1)"></svg>');
    for (const element of doc.body.querySelectorAll('*')) {
      expect([...element.attributes].map((attribute) => attribute.name)).toEqual([]);
    }
  });

  it('keeps images only from the asset protocol', () => {
    const doc = parse(
      '<img src="cuttings-asset://abc.png" alt="kept"><img src="https://tracker.example/p.gif" alt="remote">' +
        '<img src="data:image/png;base64,AAAA"><img srcset="https://x/a.png 2x">',
    );
    const sources = [...doc.body.querySelectorAll('img')].map((image) => image.getAttribute('src'));
    expect(sources).toEqual(['cuttings-asset://abc.png']);
    expect(doc.body.querySelector('[srcset]')).toBeNull();
    // The others are noted in their place, by their alt text where they have one.
    const notes = [...doc.body.querySelectorAll('.cuttings-missing-image')].map((note) => note.textContent);
    expect(notes).toEqual(['remote', 'Image not stored', 'Image not stored']);
  });

  it('keeps web and mail links, which cannot navigate the reader, and drops other schemes', () => {
    const doc = parse(
      '<a href="https://example.com/">web</a><a href="mailto:desk@example.com">mail</a>' +
        '<a href="javascript:alert(1)">js</a><a href="data:text/html,x">data</a>',
    );
    const links = [...doc.body.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://example.com/', 'mailto:desk@example.com', null, null]);
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('cannot be escaped by markup that closes the body early', () => {
    const doc = parse('<p>One</p></body></html><script>alert(1)</script><p>Two</p>');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.body.textContent).toBe('OneTwo');
  });
});

describe('buildReaderPage', () => {
  function marked(html: string, terms: string[]): { doc: Document; matches: number } {
    const page = buildReaderPage(html, STYLESHEET, 'en', terms);
    return { doc: new DOMParser().parseFromString(page.srcdoc, 'text/html'), matches: page.matches };
  }

  it('marks every matched word in the text, numbered in reading order', () => {
    const { doc, matches } = marked('<h2>Lavrov in Geneva</h2><p>Sergei <em>LAVROV</em> met Blinken. Lavrov’s aide spoke.</p>', [
      'lavrov',
      'blinken',
    ]);
    // Lavrov’s is found by lavrov (the index holds elided words by their parts), so its
    // Lavrov is marked too.
    expect(matches).toBe(4);
    expect(doc.body.innerHTML).toBe(
      '<h2><mark class="cuttings-match" id="cuttings-match-1">Lavrov</mark> in Geneva</h2>' +
        '<p>Sergei <em><mark class="cuttings-match" id="cuttings-match-2">LAVROV</mark></em> met ' +
        '<mark class="cuttings-match" id="cuttings-match-3">Blinken</mark>. ' +
        '<mark class="cuttings-match" id="cuttings-match-4">Lavrov</mark>’s aide spoke.</p>',
    );
    expect(matchId(2)).toBe('cuttings-match-2');
  });

  it('folds case and accents, and marks a hyphenated word whole or by the part that matched', () => {
    const { doc } = marked('<p>Voters in Zürich and US-Russia talks; the US-Russia summit.</p>', ['zurich', 'russia', 'us-russia']);
    expect([...doc.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Zürich', 'US-Russia', 'US-Russia']);
    const { doc: parts } = marked('<p>US-Russia talks</p>', ['russia']);
    expect(parts.body.innerHTML).toBe('<p>US-<mark class="cuttings-match" id="cuttings-match-1">Russia</mark> talks</p>');
  });

  it('marks text only: not attribute values, not SVG text, and nothing without terms', () => {
    const html = '<p><a href="https://example.com/lavrov" title="Lavrov">link</a></p><svg><text>Lavrov</text></svg><p>Lavrov</p>';
    const { doc, matches } = marked(html, ['lavrov']);
    expect(matches).toBe(1);
    expect(doc.querySelector('a')?.getAttribute('title')).toBe('Lavrov');
    expect(doc.querySelector('svg mark')).toBeNull();
    expect(marked(html, []).matches).toBe(0);
    expect(marked(html, []).doc.querySelector('mark')).toBeNull();
  });

  it('takes our match ids away from the article, so a fragment cannot land on its elements', () => {
    const { doc } = marked('<p id="cuttings-match-1">Intro</p><p id="kept">Lavrov</p>', ['lavrov']);
    expect(doc.querySelectorAll('#cuttings-match-1')).toHaveLength(1);
    expect(doc.getElementById('cuttings-match-1')?.localName).toBe('mark');
    expect(doc.getElementById('kept')).not.toBeNull();
  });

  it('builds the same document as buildReaderDocument when nothing is to be marked', () => {
    const html = '<p>Text <mark>the article’s own mark</mark></p>';
    expect(buildReaderPage(html, STYLESHEET, 'en', []).srcdoc).toBe(buildReaderDocument(html, STYLESHEET, 'en'));
  });
});
