/**
 * What changed between two texts, word by word: publishers edit stories quietly, and a
 * re-capture shows the reader which words went and which came. Words are runs of
 * non-space characters, so punctuation stays with its word ("said." → "said,") and spacing
 * changes are not changes. Myers' O(ND) algorithm after trimming the common start and end,
 * which is nearly all of an edited article.
 */

/** A run of words that both texts share, or that only the old or only the new one has. */
export interface WordDiffPart {
  kind: 'same' | 'removed' | 'added';
  /** The words, joined by single spaces. */
  text: string;
  /** How many words. */
  words: number;
}

/** Edits at most considered word by word; beyond it the texts are shown as replaced whole. */
const MAX_EDITS = 4000;

/**
 * The word diff of two texts, as runs in reading order.
 * `diffWords('the talks ended', 'the talks resumed')` →
 * `[{kind: 'same', text: 'the talks'}, {kind: 'removed', text: 'ended'}, {kind: 'added', text: 'resumed'}]`.
 */
export function diffWords(before: string, after: string): WordDiffPart[] {
  const a = before.split(/\s+/u).filter(Boolean);
  const b = after.split(/\s+/u).filter(Boolean);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op[] = [];
  for (let i = 0; i < start; i++) ops.push(['same', a[i]!]);
  ops.push(...middleOps(a.slice(start, endA), b.slice(start, endB)));
  for (let i = endA; i < a.length; i++) ops.push(['same', a[i]!]);
  return mergeRuns(ops);
}

/** True if the diff has any change. */
export function hasChanges(parts: readonly WordDiffPart[]): boolean {
  return parts.some((part) => part.kind !== 'same');
}

/**
 * The changes as lines for a terminal, in `git diff --word-diff=plain` style: each change
 * with up to `context` words around it, `[-removed-]` and `{+added+}`.
 */
export function formatWordDiff(parts: readonly WordDiffPart[], context = 6): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let pendingChange = false;
  for (const [index, part] of parts.entries()) {
    if (part.kind === 'removed') {
      line.push(`[-${part.text}-]`);
      pendingChange = true;
      continue;
    }
    if (part.kind === 'added') {
      line.push(`{+${part.text}+}`);
      pendingChange = true;
      continue;
    }
    const words = part.text.split(' ');
    const isFirst = index === 0;
    const isLast = index === parts.length - 1;
    if (!pendingChange) {
      // Leading context of the next change only.
      if (!isLast) line.push(words.length > context ? `… ${words.slice(-context).join(' ')}` : (isFirst ? '' : '… ') + part.text);
      continue;
    }
    if (isLast || words.length > context * 2) {
      line.push(words.length > context ? `${words.slice(0, context).join(' ')} …` : part.text);
      lines.push(line.join(' ').replace(/\s+/gu, ' ').trim());
      line = [];
      pendingChange = false;
      if (!isLast) line.push(`… ${words.slice(-context).join(' ')}`);
    } else {
      line.push(part.text);
    }
  }
  if (pendingChange) lines.push(line.join(' ').replace(/\s+/gu, ' ').trim());
  return lines;
}

type Op = ['same' | 'removed' | 'added', string];

/** Myers' shortest edit script between two word lists that share no start or end. */
function middleOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((word) => ['added', word]);
  if (m === 0) return a.map((word) => ['removed', word]);
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) return backtrack([...trace, next], a, b, offset, d);
    }
    v = next;
  }
  // Too different to diff word by word: the old text went, the new one came.
  return [...a.map((word): Op => ['removed', word]), ...b.map((word): Op => ['added', word])];
}

/** Walks the saved frontiers back from the end to recover the edit script. */
function backtrack(trace: Int32Array[], a: string[], b: string[], offset: number, edits: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = edits; d > 0; d--) {
    // trace[d] is the frontier before step d; trace[d + 1] after it.
    const v = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
    const previousK = down ? k + 1 : k - 1;
    const previousX = v[offset + previousK]!;
    const previousY = previousX - previousK;
    while (x > previousX + (down ? 0 : 1) && y > previousY + (down ? 1 : 0)) {
      ops.push(['same', a[--x]!]);
      y--;
    }
    if (down) ops.push(['added', b[--y]!]);
    else ops.push(['removed', a[--x]!]);
  }
  while (x > 0 && y > 0) {
    ops.push(['same', a[--x]!]);
    y--;
  }
  return ops.reverse();
}

/** Joins consecutive operations of one kind into runs; removals before additions within a change. */
function mergeRuns(ops: Op[]): WordDiffPart[] {
  const parts: WordDiffPart[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]![0] === 'same') {
      const words: string[] = [];
      while (i < ops.length && ops[i]![0] === 'same') words.push(ops[i++]![1]);
      parts.push({ kind: 'same', text: words.join(' '), words: words.length });
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (i < ops.length && ops[i]![0] !== 'same') {
      const [kind, word] = ops[i++]!;
      (kind === 'removed' ? removed : added).push(word);
    }
    if (removed.length > 0) parts.push({ kind: 'removed', text: removed.join(' '), words: removed.length });
    if (added.length > 0) parts.push({ kind: 'added', text: added.join(' '), words: added.length });
  }
  return parts;
}
