/**
 * Highlighting a search hit's snippet: the words that match the hit's `terms` are wrapped
 * in <mark>. Words are cut and folded with common/text.ts (`findWords`, `indexForm`), as the
 * search index does, and a hyphenated word is matched whole, joined (`email` marks "e-mail")
 * and by its parts as it is indexed, so that what is marked is what matched.
 * The result is built from text nodes: the snippet is never parsed as HTML.
 */
import { findWords, indexForm, joinedForm } from '../../common/text';
import { el } from './dom';

/** The stretches of `text` to mark, in order and not overlapping. */
export function matchedRanges(text: string, terms: readonly string[]): { start: number; end: number }[] {
  const wanted = new Set(terms.map(indexForm));
  if (wanted.size === 0) return [];
  const ranges: { start: number; end: number }[] = [];
  for (const span of findWords(text)) {
    const form = indexForm(span.word);
    // Whole, or joined (`e-mail` matched by `email`).
    if (wanted.has(form) || wanted.has(joinedForm(form))) {
      ranges.push({ start: span.start, end: span.end });
      continue;
    }
    // `US-Russia` matched by `russia`, `l'élection` by `election`: mark only the part that
    // matched, as the index holds hyphenated and elided words by their parts too.
    if (!/[-'’]/u.test(span.word)) continue;
    let offset = span.start;
    for (const part of span.word.split(/[-'’]/u)) {
      if (part && wanted.has(indexForm(part))) ranges.push({ start: offset, end: offset + part.length });
      offset += part.length + 1;
    }
  }
  return ranges;
}

/**
 * Returns the snippet as a fragment of text nodes and <mark> elements.
 *
 * With `lead`, the snippet is first shortened so the first match is near its start.
 *
 * @example highlightSnippet('…Sergei Lavrov assured…', ['lavrov']) // …Sergei <mark>Lavrov</mark> assured…
 */
export function highlightSnippet(text: string, terms: readonly string[], lead = Infinity): DocumentFragment {
  const shown = focusOnMatch(text, matchedRanges(text, terms), lead);
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const { start, end } of matchedRanges(shown, terms)) {
    if (start > at) fragment.append(document.createTextNode(shown.slice(at, start)));
    fragment.append(el('mark', {}, shown.slice(start, end)));
    at = end;
  }
  if (at < shown.length) fragment.append(document.createTextNode(shown.slice(at)));
  return fragment;
}

/**
 * Drops the start of a snippet so that the first match comes within about `lead` characters
 * of its beginning, cutting at a space and marking the cut with `…`: a one-line row then
 * shows the match rather than the context before it.
 */
export function focusOnMatch(text: string, ranges: readonly { start: number }[], lead: number): string {
  const first = ranges[0];
  if (!first || first.start <= lead + 1) return text;
  const space = text.indexOf(' ', first.start - lead);
  if (space < 0 || space >= first.start) return text;
  return `…${text.slice(space + 1).replace(/^…/u, '')}`;
}
