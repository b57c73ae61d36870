import { describe, expect, it } from 'vitest';
import { parseHtmlDocument, withDomWindow } from '../../../../main/core/clip/dom';
import { extractMetadata, normaliseDate, normaliseLang } from '../../../../main/core/clip/metadata';
import type { ExtractMetadataOptions } from '../../../../main/core/clip/metadata';

/** The metadata of a page given as HTML, read in a jsdom window of its own. */
function metadataOf(html: string, options?: ExtractMetadataOptions) {
  return withDomWindow((window) => extractMetadata(parseHtmlDocument(window, html), options));
}

describe('normaliseDate', () => {
  it('keeps ISO 8601 as precise as given', () => {
    expect(normaliseDate('2022-01-21')).toBe('2022-01-21');
    expect(normaliseDate(' 2022-01-21T10:00:00+00:00 ')).toBe('2022-01-21T10:00:00+00:00');
    expect(normaliseDate('2022-01-21 10:00')).toBe('2022-01-21T10:00');
    expect(normaliseDate('2022-01-21T10:00:00.123+0100')).toBe('2022-01-21T10:00:00.123+01:00');
  });

  it('converts other dates JavaScript can read', () => {
    expect(normaliseDate('Fri, 21 Jan 2022 10:00:00 GMT')).toBe('2022-01-21T10:00:00.000Z');
    expect(normaliseDate('January 21, 2022')).toBe('2022-01-21');
  });

  it('reads dotted and dashed dates day first, unless the second number cannot be a month', () => {
    expect(normaliseDate('10.12.2022, 07:00:03')).toBe('2022-12-10');
    expect(normaliseDate('01-11-2023 10:29')).toBe('2023-11-01');
    expect(normaliseDate('3.4.2021')).toBe('2021-04-03');
    expect(normaliseDate('11-25-2023')).toBe('2023-11-25');
    expect(normaliseDate('31.02.2022')).toBeNull();
    expect(normaliseDate('06/13/2019')).toBe('2019-06-13');
  });

  it('rejects nonsense and placeholder years', () => {
    expect(normaliseDate('yesterday')).toBeNull();
    expect(normaliseDate('0001-01-01T00:00:00Z')).toBeNull();
    expect(normaliseDate('')).toBeNull();
  });

  it('reads " UTC" after a date-time as Z', () => {
    expect(normaliseDate('2022-05-05T22:12:00 UTC')).toBe('2022-05-05T22:12:00Z');
  });

  it('refuses a year or a month alone, which names no day', () => {
    expect(normaliseDate('2017/01')).toBeNull();
    expect(normaliseDate('2017')).toBeNull();
  });
});

describe('normaliseLang', () => {
  it('canonicalises BCP 47 tags', () => {
    expect(normaliseLang('en_gb')).toBe('en-GB');
    expect(normaliseLang('DE')).toBe('de');
    expect(normaliseLang('not a language!')).toBeNull();
  });
});

describe('extractMetadata', () => {
  it('ignores home-page URLs and reads RDFa-style Dublin Core', () => {
    const html =
      '<html><head><meta property="og:url" content="https://news.example/"><link rel="canonical" href="https://news.example/story">' +
        '<meta property="dc:creator twitter:creator" content="Dee"><meta property="og:site_name" content="https://news.example"></head><body></body></html>';
    const metadata = metadataOf(html);
    expect(metadata).toMatchObject({ url: 'https://news.example/story', author: 'Dee', source: null });
  });

  it('reads JSON-LD with raw line breaks in its strings and CDATA around it', () => {
    const html =
      '<script type="application/ld+json; charset=utf-8">//<![CDATA[\n{"@type": "NewsArticle", "headline": "Two\nlines", "articleBody": "First.\nSecond."}\n//]]></script>';
    const metadata = metadataOf(html);
    expect(metadata).toMatchObject({ title: 'Two lines', articleBody: 'First. Second.' });
  });

  it("takes the author Yoast labels in twitter:data, and a person's byline over an organisation", () => {
    const labelled = '<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Karoline Herr">';
    expect(metadataOf(labelled).author).toBe('Karoline Herr');
    const organisation =
      '<meta name="author" content="Bund der Verbraucher e.V."><body><h1>Preise</h1><p class="intro">Von Leonora Holling</p><p>Text.</p></body>';
    expect(metadataOf(organisation).author).toBe('Leonora Holling');
  });

  it("drops the site's name and a handle from the author's names", () => {
    const author = (name: string) =>
      metadataOf(`<html><head><meta property="og:site_name" content="Daily Example"><meta name="author" content="${name}"></head></html>`).author;
    expect(author('Rob Picheta, Daily Example')).toBe('Rob Picheta');
    expect(author('Ana Ruiz @anaruiz')).toBe('Ana Ruiz');
    expect(author('Ana Ruiz, Rob Picheta')).toBe('Ana Ruiz, Rob Picheta');
    expect(author('Daily Example')).toBeNull();
  });

  it("takes the host's name with an article in front as the site's, not an author", () => {
    const html =
      '<html><head><meta name="author" content="Die RUNDSCHAU"></head><body><article><p class="author">Von Jane Doe</p></article></body></html>';
    const metadata = metadataOf(html, { pageUrl: 'https://www.rundschau.example/story-1' });
    expect(metadata.author).toBe('Jane Doe');
  });

  it("reads a date-time one day off the address's date as the address's day, and keeps one further off", () => {
    const page = (time: string) => `<html><head><meta property="article:published_time" content="${time}"></head><body></body></html>`;
    const published = (time: string, pageUrl: string) =>
      metadataOf(page(time), { pageUrl }).published;
    expect(published('2023-11-09T05:30:59Z', 'https://news.example/2023/11/08/story/')).toBe('2023-11-08');
    expect(published('2023-11-08T05:30:59Z', 'https://news.example/2023/11/08/story/')).toBe('2023-11-08T05:30:59Z');
    expect(published('2023-11-12T05:30:59Z', 'https://news.example/2023/11/08/story/')).toBe('2023-11-12T05:30:59Z');
    expect(published('2023-11-09T05:30:59Z', 'https://news.example/story/')).toBe('2023-11-09T05:30:59Z');
  });

  it('reads a date from microdata or RDFa on any element, and from the title as a last resort', () => {
    const rdfa = '<body><span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00"></span><p>Text</p></body>';
    expect(metadataOf(rdfa).published).toBe('2022-01-28T12:45:46+00:00');
    const titled = '<title>Elephants in Guinea | DW | 23.05.2011</title><body><p>Text</p></body>';
    expect(metadataOf(titled).published).toBe('2011-05-23');
  });

  it('reads the headline without the kicker a page sets inside its <h1>', () => {
    const html =
      '<body><article><h1><span class="teaser__kicker">Corona-Pandemie</span><span class="visually-hidden"> - </span><span>Es kommt darauf an</span></h1><p>Text</p></article></body>';
    expect(metadataOf(html).heading).toBe('Es kommt darauf an');
    const joined = '<body><article><h1><span class="kicker">Corona</span>: Wie Firmen schützen</h1></article></body>';
    expect(metadataOf(joined).heading).toBe('Wie Firmen schützen');
    const plain = '<body><article><h1>Es kommt <em>darauf</em> an</h1></article></body>';
    expect(metadataOf(plain).heading).toBe('Es kommt darauf an');
  });

  it('takes a heading that sets its kicker apart over an <h1> that runs the two together', () => {
    const html =
      '<body><main><ol class="breadcrumbs"><li><h1 itemprop="name">Covid-19: Lässt sich die Ausbreitung kontrollieren?</h1></li></ol>' +
      '<h2><span class="content__kicker">Covid-19</span><span class="sr-only">: </span><span class="content__title">Lässt sich die Ausbreitung kontrollieren?</span></h2><p>Text</p></main></body>';
    expect(metadataOf(html).heading).toBe('Lässt sich die Ausbreitung kontrollieren?');
    // A teaser elsewhere with a kicker does not displace the story's own <h1>.
    const teaser = '<body><main><h1>Die Stadt baut neu</h1><aside><h2><span class="kicker">Sport</span> Ein anderes Spiel</h2></aside></main></body>';
    expect(metadataOf(teaser).heading).toBe('Die Stadt baut neu');
  });

  it('on a page with no <h1>, takes the first element whose class marks the headline', () => {
    const html =
      '<body><header><div class="site-title">Das Magazin</div></header><div class="cat-title">Tipps</div>' +
      '<div class="l-headline"><span>Die besten Tricks für den Kleiderschrank</span></div><h2 class="post__title">Ein anderer Artikel hier</h2></body>';
    expect(metadataOf(html).heading).toBe('Die besten Tricks für den Kleiderschrank');
    const teasersOnly = '<body><div class="teaser-title">Ein Artikel unter vielen</div></body>';
    expect(metadataOf(teasersOnly).heading).toBeNull();
  });
});
