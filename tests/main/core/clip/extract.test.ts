/**
 * extractPage over every page of both real corpora: none makes it throw, and on the
 * trafilatura evaluation pages (../shared/corpora/trafilatura-dev) the text, title, date and
 * author reach their floors. The scoring is bench/clipping-score.ts, the same as
 * `npm run bench` reports under `clipping`; speed is measured there, not here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTruth, scoreCorpus } from '../../../../bench/clipping-score';
import type { CorpusScore } from '../../../../bench/clipping-score';
import { extractPage } from '../../../../main/core/clip/extract';
import { featureNames } from '../../../../main/core/clip/meta-ranking/field-features';
import { SHARED } from '../../../paths';

/**
 * The floors this test holds: the clipping targets (text F1 ≥ 0.93, date ≥ 85%, title ≥ 90%,
 * author ≥ 75%), which extraction reaches (0.932, 85.0%, 90.8%, 76.6% when this was
 * written), so that a change that loses quality below them fails.
 */
const FLOORS = { text_f1: 0.93, date_acc: 0.85, title_acc: 0.9, author_acc: 0.75 };

const READABILITY_PAGES = join(SHARED, 'corpora', 'readability-pages');
const pages = loadTruth();

describe('extractPage on the trafilatura evaluation pages', () => {
  let score: CorpusScore;
  beforeAll(() => {
    score = scoreCorpus((html, url) => extractPage(html, { url }), pages);
    const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;
    console.log(
      `trafilatura-dev: ${pages.length} pages, text F1 ${score.text_f1.toFixed(3)}, date ${pct(score.date_acc)}, ` +
        `title ${pct(score.title_acc)}, author ${pct(score.author_acc)}`,
    );
  }, 600_000);

  it('are all present', () => {
    expect(pages).toHaveLength(322);
  });

  it('never make extraction throw', () => {
    expect(score.pages.filter((page) => page.error !== undefined).map((page) => `${page.file}: ${page.error}`)).toEqual([]);
  });

  it('give the article text, title, date and author at least as well as when this was written', () => {
    expect(score.text_f1).toBeGreaterThanOrEqual(FLOORS.text_f1);
    expect(score.date_acc).toBeGreaterThanOrEqual(FLOORS.date_acc);
    expect(score.title_acc).toBeGreaterThanOrEqual(FLOORS.title_acc);
    expect(score.author_acc).toBeGreaterThanOrEqual(FLOORS.author_acc);
  });
});

describe('extractPage on the Readability test pages', () => {
  const folders = existsSync(READABILITY_PAGES) ? readdirSync(READABILITY_PAGES).filter((name) => existsSync(join(READABILITY_PAGES, name, 'source.html'))) : [];

  it('never throws, and always gives a title and text', () => {
    expect(folders).toHaveLength(130);
    const failures: string[] = [];
    for (const name of folders) {
      try {
        const page = extractPage(readFileSync(join(READABILITY_PAGES, name, 'source.html'), 'utf8'), { url: 'http://fakehost/test/page.html' });
        if (page.title === '' || page.text === '') failures.push(`${name}: empty ${page.title === '' ? 'title' : 'text'}`);
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});

describe('extractPage on small pages', () => {
  const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the story tells what happened at the council meeting on Tuesday evening, in some detail.</p>`).join('');
  const lead = 'The council voted to close the old swimming pool, after twenty years of arguments about its cost.';

  it('puts the standfirst the page shows beside its headline in front of the body', () => {
    const html = `<html><head><meta name="description" content="${lead}"></head><body><header><h1>Pool to close</h1><p class="lead">${lead}</p></header><article>${paragraphs}</article></body></html>`;
    const page = extractPage(html, { url: 'https://news.example/pool' });
    expect(page.text.startsWith(lead)).toBe(true);
    expect(page.text).toContain('Paragraph 6 of the story');
  });

  it('does not add a description the page never shows', () => {
    const html = `<html><head><meta name="description" content="${lead}"></head><body><article><h1>Pool to close</h1>${paragraphs}</article></body></html>`;
    expect(extractPage(html, { url: 'https://news.example/pool' }).text).not.toContain('twenty years');
  });

  it("gives the metadata candidates, the rules' answers among them, and lets a field's ranker choose", () => {
    const html = `<html><head><title>Pool to close | Town News</title></head><body><article><h1>Pool to close</h1><p class="byline">By Ines Hart</p>${paragraphs}</article></body></html>`;
    let titles: string[] = [];
    const rules = extractPage(html, {
      url: 'https://news.example/2024/05/02/pool',
      metadataRankers: {},
      onMetadataCandidates: (pool) => {
        titles = pool.candidates.title.map((candidate) => candidate.value);
      },
    });
    expect(rules).toMatchObject({ title: 'Pool to close', author: 'Ines Hart', published: '2024-05-02' });
    expect(titles).toEqual(['Pool to close | Town News', 'Pool to close', 'Town News']);
    // A ranker that trusts only <title> whole, and may overrule the rules: the title is its pick.
    const names = featureNames('title');
    const trustWholeTitle = {
      format: 'cuttings-boosted-trees' as const, features: names, base: 0, threshold: 0.5,
      trees: [{ f: [names.indexOf('from:document-title'), -1, -1], t: [0.5, -3, 3], r: [2, -1, -1] }],
    };
    const ranked = extractPage(html, { url: 'https://news.example/2024/05/02/pool', metadataRankers: { title: { model: trustWholeTitle, margin: 0 } } });
    expect(ranked).toMatchObject({ title: 'Pool to close | Town News', author: 'Ines Hart', published: '2024-05-02' });
  });
});
