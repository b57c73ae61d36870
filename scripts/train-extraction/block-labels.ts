/**
 * Labels for the text blocks of an annotated page: which blocks are the article. The
 * annotations are text, not markup, so the page's words are aligned to the annotated words:
 *   1. every 4-word shingle of the page found in the annotation is a candidate match;
 *   2. the longest chain of matches in the same order on both sides is kept (a shingle of a
 *      "related stories" box that also occurs in the article is out of order, and left out);
 *   3. a page word covered by a kept match is aligned; so is a short run of words between
 *      two kept matches when it occurs in the annotation between them (a one-word line such
 *      as "Cheers," inside the article, which no 4-word shingle can place).
 * A block is article when most of its words are aligned. On the trafilatura pages, which give
 * strings the text must and must not hold, only blocks holding such a string are labelled;
 * the rest are left out of training.
 */

/** A block's label: 1 article, 0 not, and whether it is known at all. */
export interface BlockLabel {
  label: number;
  known: boolean;
}

/** Share of a block's words that must be aligned for the block to be article. */
const ARTICLE_SHARE = 0.5;

/** A shingle found more often than this in the annotation is too common to anchor anything. */
const MAX_OCCURRENCES = 8;

const WORD = /[\p{L}\p{M}\p{N}_]+/gu;
const words = (text: string): string[] => text.match(WORD) ?? [];

/** Labels blocks (given by their texts, in page order) against an annotated article text. */
export function labelsFromText(blocks: string[], truth: string): BlockLabel[] {
  const truthWords = words(truth);
  const blockWords = blocks.map(words);
  const page = blockWords.flat();
  const aligned = alignWords(page, truthWords);
  let at = 0;
  return blockWords.map((own) => {
    let found = 0;
    for (let i = 0; i < own.length; i++) if (aligned[at + i]) found++;
    at += own.length;
    return { label: own.length > 0 && found / own.length >= ARTICLE_SHARE ? 1 : 0, known: true };
  });
}

/** For each page word, whether it is aligned to a word of the annotation (see above). */
export function alignWords(page: string[], truth: string[]): boolean[] {
  const aligned = new Array<boolean>(page.length).fill(false);
  if (page.length === 0 || truth.length === 0) return aligned;
  const positions = new Map<string, number[]>();
  const shingle = (list: string[], i: number): string => `${list[i]} ${list[i + 1]} ${list[i + 2]} ${list[i + 3]}`;
  for (let j = 0; j + 4 <= truth.length; j++) {
    const key = shingle(truth, j);
    const list = positions.get(key);
    if (list) list.push(j);
    else positions.set(key, [j]);
  }
  // Candidate matches (page i, annotation j), by i then j descending, so that the longest
  // strictly increasing chain of j takes at most one j per i.
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i + 4 <= page.length; i++) {
    const list = positions.get(shingle(page, i));
    if (!list || list.length > MAX_OCCURRENCES) continue;
    for (let k = list.length - 1; k >= 0; k--) pairs.push([i, list[k] as number]);
  }
  const chain = longestIncreasingChain(pairs);
  for (const [i] of chain) for (let k = 0; k < 4; k++) aligned[i + k] = true;
  // Gaps between two matches: aligned when their words occur in the annotation between them.
  const anchors: Array<[number, number]> = [[-1, -1], ...chain.map(([i, j]): [number, number] => [i + 3, j + 3]), [page.length, truth.length]];
  for (let a = 0; a + 1 < anchors.length; a++) {
    const [pageEnd, truthEnd] = anchors[a] as [number, number];
    let [pageNext, truthNext] = anchors[a + 1] as [number, number];
    if (a + 1 < anchors.length - 1) {
      pageNext -= 3;
      truthNext -= 3;
    }
    const room = truth.slice(truthEnd + 1, truthNext);
    if (room.length === 0 || pageNext <= pageEnd + 1) continue;
    // Before the first match and after the last, only the page words next to the article
    // may be its first or last words (a dateline, a sign-off), not the whole masthead.
    let first = pageEnd + 1;
    let last = pageNext;
    if (chain.length === 0) {
      // Nothing anchors the article: only a short one (a photo post's caption) is looked for.
      if (room.length > 50) continue;
    } else {
      if (a === 0) first = Math.max(first, last - (room.length * 2 + 5));
      if (a + 1 === anchors.length - 1) last = Math.min(last, first + room.length * 2 + 5);
    }
    const gap = page.slice(first, last);
    // One word alone counts only in a gap about the size of its room; in a long one it is chance.
    const minRun = gap.length <= room.length + 2 || room.length === 1 ? 1 : 2;
    const text = ` ${room.join(' ')} `;
    let from = 0;
    for (let start = 0; start < gap.length; ) {
      let end = start;
      let found = -1;
      while (end < gap.length) {
        const at = text.indexOf(` ${gap.slice(start, end + 1).join(' ')} `, from);
        if (at < 0) break;
        found = at;
        end++;
      }
      if (end - start < minRun) {
        start++;
        continue;
      }
      for (let k = start; k < end; k++) aligned[first + k] = true;
      from = found + 1;
      start = end;
    }
  }
  return aligned;
}

/** The longest chain of pairs increasing in both members (pairs sorted by the first, ties by the second descending). */
function longestIncreasingChain(pairs: Array<[number, number]>): Array<[number, number]> {
  const tails: number[] = [];
  const tailIndex: number[] = [];
  const previous = new Array<number>(pairs.length).fill(-1);
  pairs.forEach(([, j], index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((tails[mid] as number) < j) low = mid + 1;
      else high = mid;
    }
    tails[low] = j;
    tailIndex[low] = index;
    previous[index] = low > 0 ? (tailIndex[low - 1] as number) : -1;
  });
  const chain: Array<[number, number]> = [];
  for (let index = tailIndex[tails.length - 1] ?? -1; index >= 0; index = previous[index] as number) chain.push(pairs[index] as [number, number]);
  return chain.reverse();
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Labels blocks against strings the article must hold (`with`) and must not (`without`): a
 * block holding one, or held in one (when it has 25 characters or more), is labelled so.
 */
export function labelsFromStrings(blocks: string[], wanted: string[], unwanted: string[]): BlockLabel[] {
  const want = wanted.map(collapse).filter(Boolean);
  const avoid = unwanted.map(collapse).filter(Boolean);
  const touches = (text: string, strings: string[]): boolean =>
    strings.some((string) => text.includes(string) || (text.length >= 25 && string.includes(text)));
  return blocks.map((block) => {
    const text = collapse(block);
    if (touches(text, avoid)) return { label: 0, known: true };
    if (touches(text, want)) return { label: 1, known: true };
    return { label: 0, known: false };
  });
}
