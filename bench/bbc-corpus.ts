/**
 * Articles for benchmarks, made from the BBC News corpus in ../shared/corpora/bbc: its
 * sentences recombined into as many distinct articles as asked, with the corpus' own
 * vocabulary, paragraph counts and lengths. A seeded generator makes every run the same.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The BBC corpus folder. */
export const BBC_FOLDER = join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'bbc');

/** One generated article. */
export interface BenchArticle {
  title: string;
  text: string;
  source: string;
  published: string;
  tags: string[];
}

interface SourceArticle {
  category: string;
  headline: string;
  /** Sentence counts per paragraph. */
  shape: number[];
}

/** A small, fast, seeded PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function splitSentences(paragraph: string): string[] {
  return paragraph.match(/[^.!?]+[.!?]+["”’]?\s*/gu)?.map((s) => s.trim()).filter(Boolean) ?? [paragraph.trim()];
}

/** Reads the corpus once: the sentences of each category and the shape of each article. */
export function loadBbc(): { sources: SourceArticle[]; sentences: Map<string, string[]>; headlineWords: string[] } {
  const sources: SourceArticle[] = [];
  const sentences = new Map<string, string[]>();
  const headlineWords: string[] = [];
  for (const category of readdirSync(BBC_FOLDER).filter((name) => !name.includes('.')).sort()) {
    const pool: string[] = [];
    for (const file of readdirSync(join(BBC_FOLDER, category)).sort()) {
      // One file holds a Latin-1 byte; decode leniently.
      const raw = new TextDecoder('utf-8').decode(readFileSync(join(BBC_FOLDER, category, file)));
      const [headline = '', ...rest] = raw.split('\n');
      const paragraphs = rest.join('\n').split(/\n\s*\n/u).map((p) => p.trim()).filter(Boolean);
      const shape = paragraphs.map((paragraph) => {
        const parts = splitSentences(paragraph);
        pool.push(...parts);
        return parts.length;
      });
      sources.push({ category, headline: headline.trim(), shape });
      headlineWords.push(...headline.trim().split(/\s+/u));
    }
    sentences.set(category, pool);
  }
  return { sources, sentences, headlineWords };
}

/** Makes `count` distinct articles, the same ones for the same seed. */
export function* generateArticles(count: number, seed = 2004): Generator<BenchArticle> {
  const { sources, sentences, headlineWords } = loadBbc();
  const random = seededRandom(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const start = Date.UTC(2004, 0, 1);
  for (let i = 0; i < count; i++) {
    const source = pick(sources);
    const pool = sentences.get(source.category)!;
    const words = source.headline.split(/\s+/u);
    words[Math.floor(random() * words.length)] = pick(headlineWords);
    const text = source.shape.map((n) => Array.from({ length: n }, () => pick(pool)).join(' ')).join('\n\n');
    const published = new Date(start + Math.floor(random() * 730) * 86_400_000).toISOString().slice(0, 10);
    yield { title: `${words.join(' ')} (${i})`, text, source: 'BBC News', published, tags: [source.category] };
  }
}
