/**
 * A text's fingerprint for finding near-duplicates: a bottom-k MinHash sketch, the
 * {@link SKETCH_SIZE} smallest hashes of its word shingles (three consecutive words, case and
 * accents folded). Two texts' sketches estimate how many shingles they share (Jaccard), so
 * a syndicated wire story printed under another site's header and footer is found by
 * comparing 16 numbers per article rather than reading every text again; candidates are
 * then confirmed on their full shingles (see find-duplicate.ts).
 *
 * Why not SimHash: at 64 bits, a 300-word BBC story with a 60-word header and footer added
 * lies up to 21 bits from its original, while two unrelated BBC stories can lie 15 apart:
 * the bands overlap. The sketches of unrelated stories share no hashes at all.
 */
import { findWords, foldTerm } from '../../../common/text';

/** Hashes kept per text: 16 × 8 hex digits = 128 characters in the catalog. */
export const SKETCH_SIZE = 16;

/** Words per shingle. */
const SHINGLE_WORDS = 3;

/** The distinct shingles of a text (single words if it has fewer than three). */
export function shingles(text: string): Set<string> {
  const words = findWords(text).map(({ word }) => foldTerm(word));
  const result = new Set<string>();
  if (words.length < SHINGLE_WORDS) {
    for (const word of words) result.add(word);
    return result;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) result.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return result;
}

/**
 * The text's sketch: its smallest shingle hashes, ascending, as one hex string. Each word is
 * hashed once and a shingle's hash mixes its words' hashes, so a sketch costs one pass over
 * the text (it is made for every article stored, imports of 100,000 included).
 */
export function textSketch(text: string): string {
  const wordHashes: number[] = [];
  for (const { word } of findWords(text)) wordHashes.push(hashString(foldTerm(word)));
  // The k smallest distinct hashes, kept sorted in a small array.
  const smallest: number[] = [];
  const consider = (hash: number) => {
    if (smallest.length === SKETCH_SIZE && hash >= smallest[SKETCH_SIZE - 1]!) return;
    let at = smallest.length;
    while (at > 0 && smallest[at - 1]! > hash) at--;
    if (smallest[at - 1] === hash) return;
    smallest.splice(at, 0, hash);
    if (smallest.length > SKETCH_SIZE) smallest.pop();
  };
  if (wordHashes.length < SHINGLE_WORDS) {
    for (const hash of wordHashes) consider(hash);
  } else {
    for (let i = 0; i + SHINGLE_WORDS <= wordHashes.length; i++) {
      consider(mix(wordHashes[i]! ^ rotate(wordHashes[i + 1]!, 11) ^ rotate(wordHashes[i + 2]!, 22)));
    }
  }
  return smallest.map(hex32).join('');
}

/** The hashes of a sketch string, ascending. */
export function sketchHashes(sketch: string): number[] {
  const hashes: number[] = [];
  for (let i = 0; i + 8 <= sketch.length; i += 8) hashes.push(parseInt(sketch.slice(i, i + 8), 16));
  return hashes;
}

/**
 * Estimates the Jaccard similarity of two texts from their sketches' hashes: of the k
 * smallest hashes of both together, the share that both have. 1 for the same shingles,
 * near 0 for unrelated texts.
 */
export function sketchSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const k = Math.min(SKETCH_SIZE, Math.max(a.length, b.length));
  if (k === 0) return 0;
  let i = 0;
  let j = 0;
  let taken = 0;
  let shared = 0;
  // Merge the two ascending lists, taking the k smallest distinct hashes of the union.
  while (taken < k && (i < a.length || j < b.length)) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    taken++;
  }
  return shared / k;
}

/**
 * The share of the smaller text's shingles that the other text has too: 1 when one text
 * holds the whole of the other (a wire story inside another site's page), near 0 when
 * unrelated.
 */
export function shingleContainment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared++;
  return shared / small.size;
}

/** 32-bit FNV-1a of a string's UTF-16 code units, mixed (a word here; an address or a text hash in duplicate-index.ts). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return mix(hash);
}

function rotate(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}

/** A finaliser (MurmurHash3's) so that every input bit moves every output bit. */
function mix(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
