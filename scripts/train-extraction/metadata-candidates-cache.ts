/**
 * Every annotated page's metadata candidates (main/core/clip/meta-ranking/), as extractPage
 * finds them with the rules choosing (the rules' choice is one of the candidates), with the
 * page's annotated title, author and date. Extracting ~1,100 pages takes minutes on a shared
 * machine, so the result is cached under .tmp/metadata-cache/ (git-ignored), keyed by the
 * source of everything that shapes it: the modules of main/core/clip and the corpus readers.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusPage, SetName } from '../../bench/extraction/corpus-sets';
import { nextTurn } from '../../bench/extraction/next-turn';
import { extractPage } from '../../main/core/clip/extract';
import type { Candidate, MetaField } from '../../main/core/clip/meta-ranking/candidate-pool';

/** A candidate as cached: its kinds as an array. */
export interface CachedCandidate {
  value: string;
  key: string;
  kinds: number[];
  bestKind: number;
  order: number;
}

/** One page's candidates and truth. */
export interface MetadataPage {
  set: SetName;
  key: string;
  site: string;
  truth: Partial<Record<MetaField, string>>;
  candidates: Record<MetaField, CachedCandidate[]>;
  /** Milliseconds of CPU extractPage took with the candidates gathered. */
  cpuMs: number;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = join(ROOT, '.tmp', 'metadata-cache');

function sourceFiles(): string[] {
  const clip = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? clip(`${dir}/${entry.name}`) : entry.name.endsWith('.ts') ? [`${dir}/${entry.name}`] : [],
    );
  // The features and the ranker are computed from the cached candidates, so they key nothing.
  const notKeys = new Set(['main/core/clip/meta-ranking/field-features.ts', 'main/core/clip/meta-ranking/metadata-ranker.ts']);
  const files = [...clip('main/core/clip'), 'bench/extraction/corpus-sets.ts', 'bench/extraction/page-site.ts', 'main/core/capture/decode-text.ts'];
  return files.filter((file) => !notKeys.has(file)).sort();
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of sourceFiles()) hash.update(file).update(readFileSync(join(ROOT, file)));
  return hash.digest('hex').slice(0, 16);
}

const toCached = (candidate: Candidate): CachedCandidate => ({ ...candidate, kinds: [...candidate.kinds].sort((a, b) => a - b) });

/** The pages of `set` with their candidates, from the cache when the sources have not changed. */
export async function metadataPages(set: SetName, pages: CorpusPage[], truthOf: (page: CorpusPage) => Partial<Record<MetaField, string>>, log: (line: string) => void): Promise<MetadataPage[]> {
  const path = join(CACHE, `${set}-${sourceHash()}.json`);
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as MetadataPage[];
  log(`${set}: gathering metadata candidates of ${pages.length} pages (cached in ${path})`);
  const out: MetadataPage[] = [];
  for (const page of pages) {
    let candidates: Record<MetaField, CachedCandidate[]> = { title: [], author: [], date: [] };
    const started = process.cpuUsage();
    try {
      extractPage(page.html, {
        url: page.url,
        metadataRankers: {},
        onMetadataCandidates: (pool) => {
          candidates = { title: pool.candidates.title.map(toCached), author: pool.candidates.author.map(toCached), date: pool.candidates.date.map(toCached) };
        },
      });
    } catch {
      // A refused page has no candidates: it scores as wrong for rules and ranker alike.
    }
    const cpu = process.cpuUsage(started);
    out.push({ set, key: page.key, site: page.site, truth: truthOf(page), candidates, cpuMs: (cpu.user + cpu.system) / 1000 });
    await nextTurn();
  }
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(path, JSON.stringify(out));
  return out;
}
