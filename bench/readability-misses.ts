/**
 * A second, held-out check for metadata rules tuned on trafilatura-dev: scores title and
 * author on Mozilla Readability's test pages (../shared/corpora/readability-pages) against
 * their expected-metadata.json, and lists the misses. Readability's expected bylines keep
 * their "By" and line breaks, so they are cleaned the way any byline is before comparing.
 * `npx tsx bench/readability-misses.ts [--field title|author]`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanByline } from '../main/core/clip/byline';
import { extractPage } from '../main/core/clip/extract';
import { authorMatches, titleMatchesWithoutSite } from './clipping-score';

const CORPUS = fileURLToPath(new URL('../../shared/corpora/readability-pages/', import.meta.url));
const fieldAt = process.argv.indexOf('--field');
const field = fieldAt >= 0 ? process.argv[fieldAt + 1] : undefined;

interface Expected {
  title: string;
  byline: string | null;
}

const pages = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => statSync(`${CORPUS}/${name}`).isDirectory()).sort() : [];
let titles = 0;
let titlesRight = 0;
let authors = 0;
let authorsRight = 0;
let authorsInvented = 0;
for (const name of pages) {
  const html = readFileSync(`${CORPUS}/${name}/source.html`, 'utf8');
  const want = JSON.parse(readFileSync(`${CORPUS}/${name}/expected-metadata.json`, 'utf8')) as Expected;
  let got: { title: string; author: string | null };
  try {
    got = extractPage(html, { url: 'http://fakehost/test/page.html' });
  } catch {
    continue;
  }
  if (want.title.trim()) {
    titles++;
    if (titleMatchesWithoutSite(got.title, want.title)) titlesRight++;
    else if (!field || field === 'title') console.log(`${name}: title ${JSON.stringify(got.title)} ≠ ${JSON.stringify(want.title)}`);
  }
  const wantAuthor = cleanByline(want.byline);
  if (wantAuthor) {
    authors++;
    if (authorMatches(got.author, wantAuthor)) authorsRight++;
    else if (!field || field === 'author') console.log(`${name}: author ${JSON.stringify(got.author)} ≠ ${JSON.stringify(wantAuthor)}`);
  } else if (got.author) {
    authorsInvented++;
    if (!field || field === 'author') console.log(`${name}: author ${JSON.stringify(got.author)} where none is expected`);
  }
}
const pct = (right: number, of: number) => `${((right / of) * 100).toFixed(1)}% (${right}/${of})`;
console.log(`readability-pages: title ${pct(titlesRight, titles)}, author ${pct(authorsRight, authors)}, author where none expected ${authorsInvented}`);
