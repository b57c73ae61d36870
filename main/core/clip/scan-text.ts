/**
 * Clips a scan's recognised text (main/core/ocr made it): the text is kept exactly as
 * recognised — every word's box points at its characters in it — and the reader HTML wraps
 * each word in `<span data-w="N">` (N its index among the scan's words) so that the reader
 * can show a word on the scan, with `class="ocr-doubt"` on the words recognised with low
 * confidence, for the user to check. The title is the user's, else the guessed headline,
 * else the first line.
 */
import { ClipError, type ClippedArticle } from './clipped-article';
import { escapeHtml } from './escape-html';
import { makeExcerpt } from './excerpt';
import { guessLanguage } from './guess-language';

/** Below this confidence (0–100) a word is marked for checking: about one word in forty on a clean page, most of them misread. */
export const DOUBTFUL_CONFIDENCE = 70;

/** A word's characters in the text and its confidence. */
export interface ScanWordSpan {
  start: number;
  end: number;
  confidence: number;
}

/** The reader HTML of a scan's text: paragraphs, each word in its span (see the comment at the top). */
export function scanHtml(text: string, words: readonly ScanWordSpan[]): string {
  const paragraphs: string[] = [];
  let current = '';
  let at = 0;
  const plain = (until: number) => {
    const parts = text.slice(at, until).split(/\n\s*\n/u);
    current += escapeHtml(parts[0]!.replace(/\s+/gu, ' '));
    for (const part of parts.slice(1)) {
      if (current.trim() !== '') paragraphs.push(current.trim());
      current = escapeHtml(part.replace(/\s+/gu, ' '));
    }
    at = until;
  };
  words.forEach((word, index) => {
    // The second part of a word rejoined across a line shares the first part's characters.
    if (word.start < at) return;
    plain(word.start);
    const doubt = word.confidence < DOUBTFUL_CONFIDENCE ? ' class="ocr-doubt"' : '';
    current += `<span data-w="${index}"${doubt}>${escapeHtml(text.slice(word.start, word.end))}</span>`;
    at = word.end;
  });
  plain(text.length);
  if (current.trim() !== '') paragraphs.push(current.trim());
  return paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n');
}

/** Clips recognised text (see the comment at the top); `name` is the file named in errors. */
export function clipScanText(text: string, words: readonly ScanWordSpan[], title: string | undefined, name: string): ClippedArticle {
  if (text.trim() === '') throw new ClipError(`clip: no text was recognised in ${name}`);
  const firstLine = text.split('\n').find((line) => line.trim() !== '')!.replace(/\s+/gu, ' ').trim();
  const paragraphs = text.split(/\n\s*\n/u);
  return {
    title: title ?? (firstLine.length > 200 ? `${firstLine.slice(0, 199)}…` : firstLine),
    text,
    html: scanHtml(text, words),
    url: null,
    source: null,
    author: null,
    published: null,
    lang: guessLanguage(text),
    excerpt: makeExcerpt(paragraphs.find((paragraph) => paragraph.split(/\s+/u).length > 12) ?? paragraphs[0] ?? ''),
  };
}
