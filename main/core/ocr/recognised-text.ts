/**
 * From the engine's words to an article's text: blocks in reading order (reading-order.ts),
 * paragraphs as tesseract found them separated by a blank line, the lines of a paragraph
 * joined with spaces, and a word broken at a line's end joined again ("recog-" + "nised" →
 * "recognised"). Every word keeps where it stands in the text, so that a search hit or a
 * click in the text can be shown on the scan.
 */
import type { Box } from './grey-image';
import type { EngineWord } from './tesseract-engine';
import { readingOrder } from './reading-order';

/** A word of the text with its place on its page's image. */
export interface PlacedWord {
  /** The word as recognised (a word joined across a line break is two PlacedWords, each its part). */
  text: string;
  /** 0–100. */
  confidence: number;
  box: Box;
  /** Its characters in the page's text: [start, end). */
  start: number;
  end: number;
}

/** A page's text and its words. */
export interface PageText {
  text: string;
  words: PlacedWord[];
}

/** Hyphens a line may end in when a word is broken: ASCII, the soft hyphen shown, Unicode's hyphen, and the "¬" of old print. */
const BREAK_HYPHEN = /[-\u00ad\u2010\u00ac]$/u;

/**
 * Words that stay hyphenated when they end a line, because they begin compounds more often
 * than they are broken syllables ("well-known", "self-made", "low-paid").
 */
const COMPOUND_HEADS = new Set(['self', 'well', 'low', 'high', 'long', 'short', 'full', 'part', 'half', 'all', 'ex', 'non', 'anti', 'pro', 'co', 'so', 'ill', 'much', 'best', 'worst', 'old', 'new', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'year', 'left', 'right', 'far', 'near', 'mid', 'cross', 'top', 'end', 'e']);

/**
 * Whether "head-" at a line's end and "tail" on the next are one word broken in two (joined
 * without the hyphen) rather than a hyphenated compound (kept): the tail must start in lower
 * case, and the head must not be a compound's usual first part, nor the compound be written
 * elsewhere in the text with its hyphen mid-line.
 */
export function joinsAcrossLines(head: string, tail: string, hyphenatedElsewhere: (compound: string) => boolean): boolean {
  const stem = head.replace(BREAK_HYPHEN, '');
  if (!/\p{Ll}$/u.test(stem) || !/^\p{Ll}/u.test(tail)) return false;
  const bareHead = stem.replace(/^[^\p{L}]+/u, '').toLowerCase();
  if (COMPOUND_HEADS.has(bareHead)) return false;
  return !hyphenatedElsewhere(`${bareHead}-${tail.replace(/[^\p{L}]+$/u, '').toLowerCase()}`);
}

interface Line {
  words: EngineWord[];
}
interface Paragraph {
  lines: Line[];
}

/** The median height of a paragraph's words: a headline's are taller than the body's. */
function height(paragraph: Paragraph): number {
  const heights = paragraph.lines.flatMap((line) => line.words.map((word) => word.y1 - word.y0)).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

/** Groups the engine's words into blocks of paragraphs of lines, in the engine's order. */
function structure(words: EngineWord[]): { box: Box; paragraphs: Paragraph[] }[] {
  const blocks = new Map<number, { box: Box; paragraphs: Map<number, Map<number, Line>> }>();
  for (const word of words) {
    let block = blocks.get(word.block);
    if (!block) blocks.set(word.block, (block = { box: { x0: word.x0, y0: word.y0, x1: word.x1, y1: word.y1 }, paragraphs: new Map() }));
    block.box = { x0: Math.min(block.box.x0, word.x0), y0: Math.min(block.box.y0, word.y0), x1: Math.max(block.box.x1, word.x1), y1: Math.max(block.box.y1, word.y1) };
    let paragraph = block.paragraphs.get(word.paragraph);
    if (!paragraph) block.paragraphs.set(word.paragraph, (paragraph = new Map()));
    let line = paragraph.get(word.line);
    if (!line) paragraph.set(word.line, (line = { words: [] }));
    line.words.push(word);
  }
  return [...blocks.values()].map((block) => ({ box: block.box, paragraphs: [...block.paragraphs.values()].map((lines) => ({ lines: [...lines.values()] })) }));
}

/**
 * The text of a page from its words (see the comment at the top). `gap` is the least white
 * space between columns, in the image's pixels (about a line's height).
 */
export function pageText(words: EngineWord[], gap: number): PageText {
  const blocks = readingOrder(
    structure(words).map((block) => ({ box: block.box, item: block })),
    gap,
  );
  // A paragraph that runs on from the foot of one column to the head of the next is one paragraph.
  const paragraphs: Paragraph[] = [];
  for (const block of blocks) {
    block.paragraphs.forEach((paragraph, index) => {
      const before = paragraphs[paragraphs.length - 1];
      const lastWord = before?.lines[before.lines.length - 1]?.words.at(-1)?.text ?? '';
      const firstWord = paragraph.lines[0]?.words[0]?.text ?? '';
      const sameType = before !== undefined && Math.abs(height(before) - height(paragraph)) <= 0.25 * height(paragraph);
      if (index === 0 && before && sameType && !/[.!?:"”’)»]$/u.test(lastWord) && /^\p{Ll}/u.test(firstWord)) before.lines.push(...paragraph.lines);
      else paragraphs.push({ lines: [...paragraph.lines] });
    });
  }
  // Compounds written with their hyphen inside a line somewhere on the page.
  const inline = new Set<string>();
  for (const word of words) if (/\p{L}-\p{L}/u.test(word.text)) inline.add(word.text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').toLowerCase());
  let text = '';
  const placed: PlacedWord[] = [];
  for (const paragraph of paragraphs) {
    if (text !== '') text += '\n\n';
    let started = false;
    // Whether the word before was the head of a word broken across lines (no space then).
    let glued = false;
    paragraph.lines.forEach((line, l) => {
      line.words.forEach((word, w) => {
        if (started && !glued) text += ' ';
        let shown = word.text;
        const next = w === line.words.length - 1 ? paragraph.lines[l + 1]?.words[0] : undefined;
        // A line ending in a hyphen runs on without a space: a broken word loses the hyphen,
        // a compound ("well-known", "Anglo-French") keeps it.
        glued = next !== undefined && BREAK_HYPHEN.test(shown) && /^[\p{L}\p{N}]/u.test(next.text);
        if (glued) shown = shown.replace(BREAK_HYPHEN, joinsAcrossLines(shown, next!.text, (compound) => inline.has(compound)) ? '' : '-');
        const start = text.length;
        text += shown;
        placed.push({ text: word.text, confidence: word.confidence, box: { x0: word.x0, y0: word.y0, x1: word.x1, y1: word.y1 }, start, end: text.length });
        started = true;
      });
    });
  }
  return { text, words: placed };
}
