/**
 * The annotated pages extraction is trained and scored on, read from ../shared/corpora (see
 * its README): L3S-GN1 and Dragnet (article text marked by people), the trafilatura
 * evaluation pages (strings the text must and must not hold, and metadata), and Mozilla
 * Readability's test pages (metadata). Every page carries the site it comes from, for folds
 * split by site. Bench and training code only: never shipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText } from '../../main/core/capture/decode-text';
import { pageSite } from './page-site';

/** ../shared/corpora from the project root. */
export const CORPORA = fileURLToPath(new URL('../../../shared/corpora/', import.meta.url));

/** The sets, by the names the bench and the trainer print. */
export type SetName = 'gn1' | 'dragnet' | 'trafilatura' | 'readability';

/** Every set, in the order they are printed. */
export const SET_NAMES: SetName[] = ['gn1', 'dragnet', 'trafilatura', 'readability'];

/** One annotated page. */
export interface CorpusPage {
  set: SetName;
  /** Unique across the sets: `gn1/01ccc7c5-…`, `trafilatura/<file>`. */
  key: string;
  /** The page's address where the set gives one. */
  url: string | undefined;
  /** The registrable domain of its site (page-site.ts). */
  site: string;
  /** The page, decoded as a browser would. */
  html: string;
  /** The article's text as annotated (GN1, Dragnet). */
  text?: string;
  /** Strings the article text must hold, and must not (trafilatura). */
  with?: string[];
  without?: string[];
  /** Metadata as annotated, where the set has it. */
  title?: string;
  author?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
}

const byKey = (a: CorpusPage, b: CorpusPage): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The pages of one set, sorted by key; empty when the corpus is not there. */
export function loadSet(set: SetName): CorpusPage[] {
  switch (set) {
    case 'gn1':
      return loadExtractionDev('gn1', 'news-gn1');
    case 'dragnet':
      return loadExtractionDev('dragnet', 'dragnet');
    case 'trafilatura':
      return loadTrafilatura();
    case 'readability':
      return loadReadability();
  }
}

function loadExtractionDev(set: SetName, folder: string): CorpusPage[] {
  const root = join(CORPORA, 'extraction-dev', folder);
  if (!existsSync(join(root, 'pages.json'))) return [];
  const list = JSON.parse(readFileSync(join(root, 'pages.json'), 'utf8')) as Array<{ id: string; title?: string }>;
  return list
    .map(({ id, title }) => {
      const html = decodeText(readFileSync(join(root, 'html', `${id}.html`)));
      const text = readFileSync(join(root, 'truth', `${id}.txt`), 'utf8');
      return { set, key: `${set}/${id}`, url: undefined, site: pageSite(html, undefined, id), html, text, title: title || undefined };
    })
    .sort(byKey);
}

interface TrafilaturaTruth {
  file: string;
  with?: string[];
  without?: string[];
  title?: string;
  date?: string;
  author?: string;
}

function loadTrafilatura(): CorpusPage[] {
  const root = join(CORPORA, 'trafilatura-dev');
  if (!existsSync(join(root, 'evaldata-dev.json'))) return [];
  const truth = JSON.parse(readFileSync(join(root, 'evaldata-dev.json'), 'utf8')) as Record<string, TrafilaturaTruth>;
  return Object.entries(truth)
    .map(([key, page]) => {
      const url = /^https?:\/\//.test(key) ? key : undefined;
      const html = decodeText(readFileSync(join(root, 'html', page.file)));
      // An archived copy's site is the archived address's.
      const archived = url && /^https?:\/\/web\.archive\.org\/web\/[^/]+\/(https?:\/\/.*)$/.exec(url)?.[1];
      return {
        set: 'trafilatura' as const,
        key: `trafilatura/${page.file}`,
        url,
        site: pageSite(html, archived || url, page.file),
        html,
        with: page.with ?? [],
        without: page.without ?? [],
        title: page.title || undefined,
        author: page.author?.trim() || undefined,
        date: page.date || undefined,
      };
    })
    .sort(byKey);
}

interface ReadabilityMetadata {
  title?: string | null;
  byline?: string | null;
  publishedTime?: string | null;
}

function loadReadability(): CorpusPage[] {
  const root = join(CORPORA, 'readability-pages');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'source.html')))
    .map((name) => {
      const html = readFileSync(join(root, name, 'source.html'), 'utf8');
      const meta = JSON.parse(readFileSync(join(root, name, 'expected-metadata.json'), 'utf8')) as ReadabilityMetadata;
      return {
        set: 'readability' as const,
        key: `readability/${name}`,
        // The test pages were saved with their addresses replaced by this placeholder.
        url: 'http://fakehost/test/page.html',
        // nytimes-1 … nytimes-5 are one site; the tests of one rule each are one page apiece.
        site: `readability:${name.replace(/-\d+$/, '')}`,
        html,
        title: meta.title ?? undefined,
        author: meta.byline ?? undefined,
        date: meta.publishedTime?.slice(0, 10) ?? undefined,
      };
    })
    .sort(byKey);
}
