import { describe, expect, it } from 'vitest';
import { parseHtmlDocument, withDomWindow } from '../../../../../main/core/clip/dom';
import { KINDS } from '../../../../../main/core/clip/meta-ranking/candidate-pool';
import type { CandidatePool, MetaField } from '../../../../../main/core/clip/meta-ranking/candidate-pool';
import { addLateCandidates, pageCandidates } from '../../../../../main/core/clip/meta-ranking/page-candidates';
import { extractMetadata } from '../../../../../main/core/clip/metadata';

const PAGE_URL = 'https://www.harbour-gazette.example/2021/03/14/ferry-timetable';

/** A small news page written for this test: every kind of source names the metadata. */
const PAGE = `<!doctype html><html lang="en"><head>
<title>New ferry timetable starts on Monday | Harbour Gazette</title>
<meta property="og:title" content="New ferry timetable starts on Monday">
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Harbour Gazette">
<meta property="article:published_time" content="2021-03-15T04:30:00Z">
<meta property="article:modified_time" content="2021-03-20T08:00:00Z">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"New ferry timetable starts on Monday","author":{"@type":"Person","name":"Mara Quint"},
 "datePublished":"2021-03-14"}</script>
</head><body>
<header><h1><a href="/">Harbour Gazette</a></h1></header>
<article><h1>New ferry timetable starts on Monday</h1>
<p class="byline">By Mara Quint</p>
<time datetime="2021-03-14T10:00:00Z">14 March 2021</time>
<p>The harbour board has published the spring timetable for every crossing of the bay.</p>
</article>
<aside><h2>Most read</h2></aside>
</body></html>`;

function candidatesOf(html: string, pageUrl: string | null): CandidatePool {
  return withDomWindow((window) => {
    const document = parseHtmlDocument(window, html);
    return pageCandidates(document, { metadata: extractMetadata(document, { pageUrl }), pageUrl });
  });
}

/** Each candidate's value with the names of the kinds that gave it. */
function sources(pool: CandidatePool, field: MetaField): Record<string, string[]> {
  return Object.fromEntries(pool.candidates[field].map((candidate) => [candidate.value, [...candidate.kinds].map((kind) => KINDS[field][kind] as string).sort()]));
}

describe('pageCandidates', () => {
  it('pools the titles every source gives, one candidate a title however many give it', () => {
    const titles = sources(candidatesOf(PAGE, PAGE_URL), 'title');
    expect(titles['New ferry timetable starts on Monday']).toEqual(
      ['document-title-cut', 'document-title-part', 'h1', 'ld-headline', 'og-title', 'og-title-cut', 'visible-headline'],
    );
    expect(titles['New ferry timetable starts on Monday | Harbour Gazette']).toEqual(['document-title']);
    expect(titles['Harbour Gazette']).toEqual(['document-title-part', 'h1-first', 'h1-in-chrome']);
    expect(titles['Most read']).toEqual(['h2']);
  });

  it("finds the authors of the JSON-LD and the byline, and never the site's own name", () => {
    const authors = sources(candidatesOf(PAGE, PAGE_URL), 'author');
    expect(authors).toEqual({ 'Mara Quint': ['byline-in-text', 'ld-author', 'markup'] });
  });

  it("reads dates as the rules normalise them, a date-time a day off the URL's day taken as that day", () => {
    const dates = sources(candidatesOf(PAGE, PAGE_URL), 'date');
    // 04:30 UTC on the 15th is the evening of the 14th in New York, the day the URL files it under.
    expect(dates).toEqual({
      '2021-03-14': ['attribute-published', 'ld-published', 'meta-published', 'near-headline', 'time-first', 'time-in-article', 'url'],
      '2021-03-20T08:00:00Z': ['meta-modified'],
    });
  });

  it('gives the most trusted source its say on how a shared value is written', () => {
    const pool = candidatesOf(PAGE, PAGE_URL);
    addLateCandidates(pool, {
      rulesTitle: 'New Ferry Timetable Starts On Monday', rulesAuthor: null, rulesDate: '2021-03-14',
      readabilityTitle: null, readabilityByline: 'By Mara Quint', readabilityDate: null, textStartDate: null,
    });
    const title = pool.candidates.title.find((candidate) => candidate.key === 'new ferry timetable starts on monday');
    expect(title?.value).toBe('New Ferry Timetable Starts On Monday');
    expect(sources(pool, 'author')['Mara Quint']).toContain('readability');
  });

  it('finds nothing on a page that says nothing', () => {
    const pool = candidatesOf('<html><body><p>Just a line of text without any date.</p></body></html>', null);
    expect(pool.candidates).toEqual({ title: [], author: [], date: [] });
  });
});
