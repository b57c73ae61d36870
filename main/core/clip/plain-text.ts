/**
 * Clips pasted plain text: the first line is the title (unless a title is given beside the
 * text, and then all of the text is the article), the rest keeps its paragraphs and
 * sub-headings, and the share/follow/copyright lines pasted along from the page's foot go.
 */
import { ClipError } from './clipped-article';
import type { ClippedArticle } from './clipped-article';
import { escapeHtml } from './escape-html';
import { makeExcerpt } from './excerpt';
import { guessLanguage } from './guess-language';
import { binaryReason, isBlank, withoutStrayBytes } from './input-checks';

/** Options for {@link clipPlainText}. */
export interface ClipPlainTextOptions {
  /** The file it was read from, named in error messages: `{ fileName: 'story.txt' }`. */
  fileName?: string;
  /**
   * The title, given beside the text (`--title`, the add dialog's field, an import's
   * `title`): then every line of the text is the article's. Only a first line that repeats
   * this title word for word is left out, as the headline pasted along with the article,
   * when more text follows it.
   */
  title?: string;
}

/** A paragraph or a sub-heading of the body. */
interface Block {
  kind: 'paragraph' | 'heading';
  text: string;
}

/**
 * Lines copied from the foot of a web page along with the article. Only ever stripped from
 * the end of the text, and only when short: "Read more" in the middle of an article stays.
 */
const TRAILING_BOILERPLATE: readonly RegExp[] = [
  /^read (?:more|next|also|this)\b/i,
  /^(?:more on this story|see also|also read|you may also like|recommended(?: for you)?)\b/i,
  /^related(?:\s+(?:articles?|stories|story|coverage|topics?|content|news|links?|reading))?\s*(?:[:：]|$)/i,
  /^share\b(?:\s+(?:this|on|via)\b|\s*$)/i,
  /^follow\s+(?:us\b|@)/i,
  /^follow\b.*\bon\s+(?:twitter|x|facebook|instagram|linkedin|tiktok|youtube|threads|bluesky|mastodon)\b/i,
  /^(?:sign up|subscribe)\b/i,
  /^(?:©|\(c\)\s*\d{4}|copyright\b)/i,
  /\ball rights reserved\b/i,
  /^(?:advertisement|advert|ad|sponsored(?: content)?)$/i,
  /^(?:tags?|topics?|filed under|categories|category|posted in)\s*[:：]/i,
  /^(?:back to top|print(?: this (?:article|page))?|email this (?:article|page)|comments?|leave a (?:comment|reply)|\d+ comments?)$/i,
  /^(?:click|tap) here\b/i,
  /^[-–—_*=~·•.\s]+$/,
];

/**
 * Boilerplate lines are short ("Read more: " and a headline); a longer line is the
 * article's own last paragraph.
 */
const MAX_BOILERPLATE_CHARS = 120;

/** Lines of hard-wrapped text (an e-mail, a text file) are this long; joined back up. */
const WRAPPED_LINE_MIN = 40;
const WRAPPED_LINE_MAX = 100;

/** Sub-headings are short. */
const MAX_HEADING_CHARS = 100;
const MAX_HEADING_WORDS = 12;

/**
 * Turns pasted text into a ClippedArticle. Throws ClipError if the text is empty, binary,
 * or a title with nothing under it.
 */
export function clipPlainText(text: string, options: ClipPlainTextOptions = {}): ClippedArticle {
  const name = options.fileName ?? 'pasted text';
  if (isBlank(text)) throw new ClipError(`clip: ${name} is empty`);
  const binary = binaryReason(text);
  if (binary) throw new ClipError(`clip: ${name} is not text (${binary})`);

  const lines = normalise(withoutStrayBytes(text)).split('\n');
  const firstIndex = lines.findIndex((line) => line.trim() !== '');
  const first = oneLine(lines[firstIndex] ?? '');
  const given = options.title === undefined ? '' : oneLine(options.title);
  // With a title given, the text is all article: its first line is left out only when it
  // repeats that title and more text follows.
  const title = given === '' ? first : given;
  const repeatsTitle = given !== '' && first.toLocaleLowerCase('und') === given.toLocaleLowerCase('und');
  const blocksFrom = (from: number) => classify(toParagraphs(stripTrailingBoilerplate(lines.slice(from))));
  let blocks = given === '' || repeatsTitle ? blocksFrom(firstIndex + 1) : blocksFrom(0);
  if (blocks.length === 0 && repeatsTitle) blocks = blocksFrom(0);
  if (blocks.length === 0) throw new ClipError(`clip: ${name} has a title but no article text`);

  const html = blocks
    .map((block) => (block.kind === 'heading' ? `<h2>${escapeHtml(block.text)}</h2>` : `<p>${escapeHtml(block.text)}</p>`))
    .join('\n');
  const bodyText = blocks.map((block) => block.text).join('\n\n');
  const firstParagraph = blocks.find((block) => block.kind === 'paragraph') ?? blocks[0];
  return {
    title,
    text: bodyText,
    // Only escaped text inside <p> and <h2>: safe by construction, so no DOMPurify, and no
    // jsdom, which costs half a second to load and is left for pages (see clip-item.ts).
    html,
    url: null,
    source: null,
    author: null,
    published: null,
    lang: guessLanguage(`${title}\n${bodyText}`),
    excerpt: makeExcerpt(firstParagraph?.text ?? ''),
  };
}

/** A line with its runs of white space made one space, trimmed. */
function oneLine(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

/** BOM, line endings, NFC, trailing spaces, runs of blank lines. */
function normalise(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|\u2028/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .normalize('NFC')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

function stripTrailingBoilerplate(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0) {
    const line = (lines[end - 1] ?? '').trim();
    const boilerplate =
      line === '' ||
      (line.length <= MAX_BOILERPLATE_CHARS && TRAILING_BOILERPLATE.some((pattern) => pattern.test(line)));
    if (!boilerplate) break;
    end--;
  }
  return lines.slice(0, end);
}

/**
 * Paragraphs of the body. With no blank line anywhere, every line is a paragraph (how
 * articles paste from a browser). Otherwise blank lines separate paragraphs, and the lines
 * inside one are joined when they look hard-wrapped (40–100 characters); a shorter or longer
 * line ends its paragraph, which keeps a sub-heading typed straight above its text apart.
 */
function toParagraphs(lines: string[]): string[] {
  const clean = lines.map((line) => line.replace(/\s+/g, ' ').trim());
  if (!clean.includes('')) return clean.filter((line) => line !== '');

  const paragraphs: string[] = [];
  let current: string[] = [];
  const end = (): void => {
    if (current.length > 0) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const line of clean) {
    if (line === '') {
      end();
      continue;
    }
    const previous = current[current.length - 1];
    const wrapped = previous !== undefined && previous.length >= WRAPPED_LINE_MIN && previous.length <= WRAPPED_LINE_MAX;
    if (previous !== undefined && (!wrapped || /^(?:[-*•–]\s|\d+[.)]\s)/.test(line))) end();
    current.push(line);
  }
  end();
  return paragraphs;
}

/**
 * Marks sub-headings: short lines without terminal punctuation that stand between
 * paragraphs. A run of short lines is a list or a verse, not headings; a short line right
 * under the title is more often a byline or a standfirst, so it stays a paragraph.
 */
function classify(paragraphs: string[]): Block[] {
  const short = paragraphs.map(isHeadingShaped);
  return paragraphs.map((text, i) => {
    const heading = i > 0 && short[i] === true && short[i - 1] === false && short[i + 1] === false;
    return { kind: heading ? 'heading' : 'paragraph', text };
  });
}

function isHeadingShaped(text: string): boolean {
  if (text.length > MAX_HEADING_CHARS || !/\p{L}/u.test(text)) return false;
  if (text.split(' ').length > MAX_HEADING_WORDS) return false;
  // Look past closing quotes and brackets: “Don’t be afraid” is a heading, “Go.” is not.
  const last = text.replace(/[\s"'”’»›)\]}]+$/u, '').slice(-1);
  return !/[.!?…,;:]/u.test(last);
}
