/**
 * Is this story already in the library? Asked before anything is saved. Three tests, most
 * certain first: the same address once tracking parameters, case, port and fragment are set
 * aside (normalise-url.ts); the very same text (SHA-256); nearly the same text (a MinHash
 * sketch close enough, confirmed by most of the shorter text's shingles appearing in the
 * longer one: a wire story under another site's header and footer).
 */
import type { DuplicateMatch } from '../../../common/api';
import type { ArticleRecord } from '../storage/article-record';
import { normalisedKeys, normaliseUrl } from './normalise-url';
import { shingleContainment, shingles, sketchHashes, sketchSimilarity } from './text-fingerprint';

/**
 * Sketch similarity from which two texts are compared in full. Across the BBC corpus's
 * business and politics stories (430,000 pairs) unrelated stories score 0 or 1/16; a story
 * under a 60-word masthead and footer scores 9/16 at worst.
 */
export const SKETCH_CANDIDATE = 0.35;
/** Share of the shorter text's shingles found in the other for it to count as the same story. */
const SAME_STORY = 0.8;
/** Candidates read in full at most, best sketches first. */
const MAX_CANDIDATES = 5;

/** What is known of the article about to be saved. */
export interface DuplicateProbe {
  /** Its addresses: as given, after redirects, canonical. */
  urls: (string | null | undefined)[];
  text: string;
  textSha256: string;
  textSketch: string;
}

/** Each record's sketch hashes, parsed once (records are never changed in place). */
const hashesOf = new WeakMap<ArticleRecord, number[]>();

function recordHashes(record: ArticleRecord): number[] | null {
  const sketch = record.provenance.textSketch;
  if (!sketch) return null;
  let hashes = hashesOf.get(record);
  if (!hashes) {
    hashes = sketchHashes(sketch);
    hashesOf.set(record, hashes);
  }
  return hashes;
}

/** The addresses an article is known by: as given, as fetched, after redirects, canonical. */
export function addressesOf(record: ArticleRecord): (string | null | undefined)[] {
  const p = record.provenance;
  return [record.url, p.originalUrl, p.finalUrl, p.canonicalUrl];
}

/** Each record's normalised addresses, worked out once: parsing URLs is the comparison's main cost. */
const urlKeysOf = new WeakMap<ArticleRecord, string[]>();

/** The normalised addresses a record is known by. */
function recordUrlKeys(record: ArticleRecord): string[] {
  let keys = urlKeysOf.get(record);
  if (!keys) {
    keys = [...normalisedKeys(addressesOf(record))];
    urlKeysOf.set(record, keys);
  }
  return keys;
}

/**
 * Finds the article among `records` that `probe` duplicates, or null. `records` must hold every
 * article that could match: the duplicate index's candidates (duplicate-index.ts) or all. When several
 * match, the first captured (smallest id) is named: later ones are its versions or copies.
 * `readText` gives a stored article's text, for confirming near matches.
 */
export async function findDuplicate(
  probe: DuplicateProbe,
  records: Iterable<ArticleRecord>,
  readText: (id: string) => Promise<string>,
): Promise<DuplicateMatch | null> {
  const wanted = normalisedKeys(probe.urls);
  const probeHashes = sketchHashes(probe.textSketch);
  let byUrl: ArticleRecord | null = null;
  let byText: ArticleRecord | null = null;
  const near: { record: ArticleRecord; similarity: number }[] = [];
  for (const record of records) {
    if (wanted.size > 0 && recordUrlKeys(record).some((key) => wanted.has(key))) {
      if (!byUrl || record.id < byUrl.id) byUrl = record;
    }
    if (record.provenance.textSha256 === probe.textSha256) {
      if (!byText || record.id < byText.id) byText = record;
      continue;
    }
    const hashes = recordHashes(record);
    if (hashes && probeHashes.length > 0) {
      const similarity = sketchSimilarity(probeHashes, hashes);
      if (similarity >= SKETCH_CANDIDATE) near.push({ record, similarity });
    }
  }
  const match = (record: ArticleRecord, reason: DuplicateMatch['reason'], similarity: number, detail: string): DuplicateMatch => ({
    id: record.id,
    title: record.title,
    url: record.url,
    clipped: record.clipped,
    reason,
    similarity,
    detail,
  });
  if (byUrl) return match(byUrl, 'same-url', 1, `the same address (${normaliseUrl(byUrl.url) ?? byUrl.url ?? 'as captured'})`);
  if (byText) return match(byText, 'same-text', 1, 'the very same text');

  near.sort((a, b) => b.similarity - a.similarity || (a.record.id < b.record.id ? -1 : 1));
  const probeShingles = shingles(probe.text);
  let best: { record: ArticleRecord; containment: number } | null = null;
  for (const { record } of near.slice(0, MAX_CANDIDATES)) {
    const containment = shingleContainment(probeShingles, shingles(await readText(record.id)));
    if (containment < SAME_STORY) continue;
    if (!best || containment > best.containment + 1e-9 || (Math.abs(containment - best.containment) < 1e-9 && record.id < best.record.id)) {
      best = { record, containment };
    }
  }
  if (!best) return null;
  const percent = Math.round(best.containment * 100);
  return match(best.record, 'similar-text', best.containment, `nearly the same text (${percent}% of the shorter text's word sequences are in the other)`);
}
