/**
 * A note's Markdown shown as formatted text, built from DOM nodes and never from HTML: the
 * note is the user's, but it may have been pasted from anywhere, so no markup in it is ever
 * parsed. A small, forgiving subset is understood — headings (#), paragraphs, lists (- or *
 * or 1.), quotes (>), code blocks (```), and inline **bold**, *italic* or _italic_, `code` —
 * and everything else is shown as the characters typed. A link `[text](address)` is shown as
 * its text with the address after it, not as a link: the reader pane opens nothing.
 */
import { el, type Child } from '../helpers/dom';

/** The inline pieces of one line of text. */
export function inlineMarkdown(text: string): Child[] {
  const out: Child[] = [];
  const pattern = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*)|(_[^_\s][^_]*_)|(\[[^\]]+\]\([^)\s]+\))/gu;
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > at) out.push(text.slice(at, index));
    const token = match[0];
    if (match[1]) out.push(el('code', {}, token.slice(1, -1)));
    else if (match[2]) out.push(el('strong', {}, ...inlineMarkdown(token.slice(2, -2))));
    else if (match[3] || match[4]) out.push(el('em', {}, ...inlineMarkdown(token.slice(1, -1))));
    else {
      const close = token.indexOf('](');
      out.push(...inlineMarkdown(token.slice(1, close)), el('span', { className: 'md-address' }, ` (${token.slice(close + 2, -1)})`));
    }
    at = index + token.length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** A note as a fragment of formatted text. */
export function renderMarkdown(markdown: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const lines = markdown.replace(/\r\n?/gu, '\n').split('\n');
  let paragraph: string[] = [];
  let list: HTMLUListElement | HTMLOListElement | null = null;
  let quote: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) fragment.append(el('p', {}, ...inlineMarkdown(paragraph.join(' '))));
    if (quote.length > 0) fragment.append(el('blockquote', {}, ...inlineMarkdown(quote.join(' '))));
    if (list) fragment.append(list);
    paragraph = [];
    quote = [];
    list = null;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trimStart().startsWith('```')) {
      flush();
      const code: string[] = [];
      for (index++; index < lines.length && !lines[index]!.trimStart().startsWith('```'); index++) code.push(lines[index]!);
      fragment.append(el('pre', {}, el('code', {}, code.join('\n'))));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/u.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/u.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/u.exec(line);
    const quoted = /^\s*>\s?(.*)$/u.exec(line);
    if (line.trim() === '') flush();
    else if (heading) {
      flush();
      // Headings in a note are small: the note sits under the article's own title.
      fragment.append(el(heading[1]!.length <= 2 ? 'h4' : 'h5', {}, ...inlineMarkdown(heading[2]!)));
    } else if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      if (paragraph.length > 0 || quote.length > 0 || (list && list.localName !== kind)) flush();
      list ??= el(kind, {});
      list.append(el('li', {}, ...inlineMarkdown((bullet ?? numbered)![1]!)));
    } else if (quoted) {
      if (paragraph.length > 0 || list) flush();
      quote.push(quoted[1]!);
    } else {
      if (quote.length > 0 || list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return fragment;
}
