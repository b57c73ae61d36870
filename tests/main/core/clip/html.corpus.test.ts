/**
 * Mozilla Readability's 130 test pages (../shared/corpora/readability-pages): every page
 * clips, titles match Readability's expected ones (or their headline, without the site's
 * name: bench/clipping-score.ts' titleMatchesWithoutSite), and the text holds the expected article.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { titleMatchesWithoutSite } from '../../../../bench/clipping-score';
import { findWords, foldTerm } from '../../../../common/text';
import { ClipError } from '../../../../main/core/clip/clipped-article';
import { parseHtmlDocument, withDomWindow } from '../../../../main/core/clip/dom';
import { clipHtml } from '../../../../main/core/clip/html';
import { htmlToText } from '../../../../main/core/clip/html-to-text';

const ROOT = new URL('../../../../', import.meta.url);
const CORPUS = fileURLToPath(new URL('../shared/corpora/readability-pages/', ROOT));
const PAGE_URL = 'http://fakehost/test/page.html';

interface Expected {
  title: string;
  readerable: boolean;
}

/** What happened to one page. */
interface Outcome {
  name: string;
  ms: number;
  title?: string;
  expectedTitle: string;
  /** Share of the expected article's words found in the clipped text. */
  recall?: number;
  refused?: string;
}

const pages = existsSync(CORPUS)
  ? readdirSync(CORPUS).filter((name) => statSync(`${CORPUS}/${name}`).isDirectory()).sort()
  : [];
const outcomes: Outcome[] = [];

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { word } of findWords(text)) {
    const key = foldTerm(word);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** How much of the expected text's words (with multiplicity) the clipped text has. */
function recall(expected: string, actual: string): number {
  const want = wordCounts(expected);
  const have = wordCounts(actual);
  let total = 0;
  let found = 0;
  for (const [word, count] of want) {
    total += count;
    found += Math.min(count, have.get(word) ?? 0);
  }
  return total === 0 ? 1 : found / total;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

describe('the Readability test pages', () => {
  it(`are all present at ${CORPUS}`, () => {
    expect(existsSync(CORPUS)).toBe(true);
    expect(pages).toHaveLength(130);
  });

  it.each(pages)('%s clips without an unexpected error', (name) => {
    const dir = `${CORPUS}/${name}`;
    const html = readFileSync(`${dir}/source.html`, 'utf8');
    const expected = JSON.parse(readFileSync(`${dir}/expected-metadata.json`, 'utf8')) as Expected;
    const started = performance.now();
    try {
      const article = clipHtml(html, { url: PAGE_URL });
      const ms = performance.now() - started;
      const expectedHtml = readFileSync(`${dir}/expected.html`, 'utf8');
      const expectedText = withDomWindow((window) => htmlToText(parseHtmlDocument(window, expectedHtml).body));
      outcomes.push({ name, ms, title: article.title, expectedTitle: expected.title, recall: recall(expectedText, article.text) });
      expect(article.title).not.toBe('');
      expect(article.text).not.toBe('');
    } catch (error) {
      const ms = performance.now() - started;
      // Refusing is right only for pages Readability itself calls not readerable.
      if (!(error instanceof ClipError) || !/has no article in it/.test(error.message) || expected.readerable) throw error;
      outcomes.push({ name, ms, expectedTitle: expected.title, refused: error.message });
    }
  });

  it('match the expected titles for at least 90% of pages, and hold the expected text', () => {
    expect(outcomes).toHaveLength(pages.length);
    // A page whose expected title is empty is not judged: Cuttings never stores an empty title.
    const judged = outcomes.filter((o) => o.expectedTitle.trim() !== '');
    const mismatches = judged.filter((o) => o.title === undefined || !titleMatchesWithoutSite(o.title, o.expectedTitle));
    const rate = 1 - mismatches.length / judged.length;
    const clipped = outcomes.filter((o) => o.recall !== undefined);
    const thin = clipped.filter((o) => (o.recall ?? 0) < 0.9);
    console.log(
      [
        `readability-pages: ${outcomes.length} pages, ${clipped.length} clipped, ${outcomes.length - clipped.length} refused (not readerable)`,
        `title match ${(rate * 100).toFixed(1)}%; median clipHtml ${median(outcomes.map((o) => o.ms)).toFixed(1)} ms per page`,
        `text holds ≥90% of the expected article's words on ${clipped.length - thin.length}/${clipped.length} pages`,
        ...mismatches.map((o) => `  title mismatch ${o.name}: ${JSON.stringify(o.title ?? o.refused)} ≠ ${JSON.stringify(o.expectedTitle)}`),
        ...thin.map((o) => `  thin text ${o.name}: ${((o.recall ?? 0) * 100).toFixed(0)}% of expected words`),
      ].join('\n'),
    );
    expect(rate).toBeGreaterThanOrEqual(0.9);
    expect(thin.length).toBeLessThanOrEqual(clipped.length * 0.1);
  });
});
