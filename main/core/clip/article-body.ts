/**
 * An article body as extraction hands it on: sanitised HTML, its plain text and its words,
 * made from an element of the page or from plain paragraphs.
 */
import { countWords } from '../../../common/text';
import type { DomElement, DomWindow } from './dom';
import { escapeHtml } from './escape-html';
import { htmlToText } from './html-to-text';
import { sanitiseHtml } from './sanitise';

/** An article body, sanitised, with its plain text. */
export interface Body {
  html: string;
  text: string;
  words: number;
}

/** The body of sanitised HTML (the `<body>` sanitiseHtml returns). */
export function toBody(clean: DomElement): Body {
  const text = htmlToText(clean);
  return { html: clean.innerHTML, text, words: countWords(text) };
}

/** Sanitises HTML in `window` into a body; links and images resolved against `linkBase`. */
export function htmlToBody(window: DomWindow, html: string, linkBase: string | null): Body {
  return toBody(sanitiseHtml(window, html, linkBase));
}

/** Plain text whose lines are paragraphs (a JSON-LD `articleBody`) as a body. */
export function paragraphsToBody(window: DomWindow, text: string, linkBase: string | null): Body {
  const paragraphs = text.split(/\n+/).map((line) => `<p>${escapeHtml(line)}</p>`);
  return htmlToBody(window, paragraphs.join('\n'), linkBase);
}
