/**
 * Authors named in the page's markup rather than its metadata: schema.org microdata,
 * `rel=author` links, elements whose class says "author" or "byline", links to an author's
 * page, and bylines written as text. And the cleaning
 * every byline needs: "By", "Von", "Par", "Posted by" and the like in front, a Twitter
 * handle or "→" behind.
 */
import { ELEMENT_NODE, selectAll, TEXT_NODE } from './dom';
import type { DomDocument, DomElement, DomNode } from './dom';

/** Most trusted first. Microdata and rel=author say exactly what they hold. */
const EXPLICIT_AUTHOR_SELECTORS = [
  '[itemprop~="author"] [itemprop~="name"]',
  '[itemprop~="author"]',
  '[rel~="author"]',
  '.vcard .fn',
];

/** A class or id word that names an author or byline element. */
const AUTHOR_HOLDER = /^(?:.*[-_])?(?:author|authors|autor|autoren|auteur|byline|byl|writer|reporter|verfasser|creator)(?:[-_]?(?:name|names|link|info|line))?$/i;

/** Prefixes that introduce a name, in the languages of the pages Cuttings meets most. */
const BYLINE_PREFIX =
  /^(?:\|\s*)?(?:(?:posted|written|published|veröffentlicht|geschrieben|verfasst|erstellt|artikel|ein beitrag|beitrag|rezept|zeige alle beiträge|alle beiträge|view all posts|all posts|article|texte|publié|écrit)\s*(?:by|von|par)|by|von|vom|par|por|di|text|texte|autor|autorin|author|auteur|redaktion)\s*:?\s+/i;

/**
 * How a date starts, to find where one follows the names ("Von Jane Doe am 21. April 2020",
 * "Joe Wee Monday, May 6 2013"): perhaps a day's name, perhaps a month's, then a number.
 */
const DATE_START =
  '(?:(?:mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|mo|di|mi|do|fr|sa|so)\\p{L}*\\.?,?\\s*)?' +
  '(?:(?:jan|feb|mär|mar|apr|may|mai|jun|jul|aug|sep|o[ck]t|nov|de[cz]|janv|févr|avr|juil|déc)\\p{L}*\\.?\\s*)?\\d';

/**
 * What follows the names in many bylines: a date, introduced by "am", "on", "le", "vom", a
 * comma, a slash, a dot or a dash, or standing alone ("Jane Doe / 22.04.2020 / 06:15").
 */
const TRAILING_DATE = new RegExp(
  `(?<!\\d)(?:\\s+(?:(?:am|on|le|el|il|vom|vor|hace|published|veröffentlicht|updated|aktualisiert)\\s+)?|\\s*[,/|·•–—-]\\s*)${DATE_START}.*$`,
  'iu',
);

/** Credits for other work that follow a writer's name: "Illustration von …", "Fotos: …". */
const OTHER_CREDITS = /\s+(?:illustrations?|fotos?|photos?|photography|bilder?|images?|grafik|graphics|mitarbeit|video)\b.*$/i;

/**
 * A byline cleaned to its names, or null if what is left does not look like names: empty,
 * too long, a bare prefix ("By"), or a URL.
 */
export function cleanByline(raw: string | null | undefined): string | null {
  let text = raw?.replace(/\s+/g, ' ').trim() ?? '';
  for (let i = 0; i < 2; i++) text = text.replace(BYLINE_PREFIX, '').trim();
  // A photo credit is not a byline; a handle is not a name.
  if (/^(?:foto|photo|bild|image|©|@)/i.test(text)) return null;
  // A word glued to a number ("Lucas Nolan22 Dec 2016") is text run together, not a byline.
  if (/\p{L}{3,}\d+\s/u.test(text)) return null;
  text = text
    .replace(TRAILING_DATE, '')
    .replace(OTHER_CREDITS, '')
    .replace(/\s*(?:→|»|›|\|).*$/, '')
    .replace(/\s+(?:alle (?:artikel|beiträge)|all (?:posts|articles)|chefredakteur(?:in)?|redakteur(?:in)?|editor|follow|folgen)\b.*$/i, '')
    .replace(/,\s*(?:cnn|reuters|ap|afp|dpa|bbc)$/i, '')
    .replace(/\s+@\w+$/, '')
    .replace(/^[-–—:,|\s]+|[-–—:,|\s]+$/g, '')
    .trim();
  if (!text || text.length > 80 || /^(?:by|von|par|posted|author|autor|follow|alle beiträge|all posts|share|teilen)$/i.test(text)) return null;
  // A date's label left over ("Last Updated: January 7, 2025") is not a name.
  if (/^(?:(?:last )?(?:updated|modified)|published|posted on|aktualisiert|veröffentlicht|stand|datum|date)$/i.test(text)) return null;
  if (/^(?:https?:\/\/|www\.)/i.test(text)) return null;
  // A date or a counter in it ("Lucas Nolan22 Dec 2016651") means it is not just a name.
  if (/\d{3,}|\d{1,2}[./]\d{1,2}[./]\d{2,4}/.test(text)) return null;
  if (text.split(' ').length > 8 && !/[,&]| and | und | et /.test(text)) return null;
  return text;
}

/** The article's author as the markup names it, or null. */
export function authorInMarkup(document: DomDocument): string | null {
  for (const selector of EXPLICIT_AUTHOR_SELECTORS) {
    for (const element of selectAll(document, selector)) {
      if (inComments(element)) continue;
      const name = cleanByline(element.getAttribute('content') ?? shownText(element));
      if (name) return name;
    }
  }
  for (const element of selectAll(document, '[class], [id]')) {
    if (!marksAuthor(element) || inComments(element)) continue;
    const name = cleanByline(shownText(element));
    if (name) return name;
  }
  return null;
}

/** Class words of text meant for screen readers only ("sr-only", "visually-hidden", "screen-reader-text"). */
const SCREEN_READER_ONLY = /(?:^|\s)(?:[\w-]*sr-only|visually-hidden|visuallyhidden|screen-reader-text|screenreader-only|a11y-hidden)(?:\s|$)/i;

/**
 * An element's text as a reader sees it: a space where one element ends and the next begins
 * ("<a>Rocío Latorre</a><a>José Wilson</a>" are two names, not "LatorreJosé"), and without
 * the text only screen readers get ("<span class=sr-only>Zum Profil von</span>").
 */
export function shownText(element: DomElement): string {
  // Element boundaries are marked, then become a space only between two letters or digits:
  // "ORF.at/<a>Agenturen</a>" stays one word.
  const BOUNDARY = '\uE000';
  let text = '';
  const walk = (node: DomNode): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) text += child.textContent ?? '';
      else if (child.nodeType === ELEMENT_NODE) {
        const childElement = child as DomElement;
        if (SCREEN_READER_ONLY.test(childElement.getAttribute('class') ?? '') || childElement.hasAttribute('hidden')) continue;
        text += BOUNDARY;
        walk(child);
        text += BOUNDARY;
      }
    }
  };
  walk(element);
  return text
    .replace(/(?<=[\p{L}\p{N}])\uE000+(?=[\p{L}\p{N}])/gu, ' ')
    .replaceAll(BOUNDARY, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function marksAuthor(element: DomElement): boolean {
  const words = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.split(/\s+/);
  return words.some((word) => word !== '' && AUTHOR_HOLDER.test(word));
}

/** Comment threads name their commenters as authors too. */
function inComments(element: DomElement): boolean {
  return element.closest('[id*="comment" i], [class*="comment" i], [id*="respond" i]') !== null;
}

/** A word of a person's name: capitalised ("Jane", "O'Neil", "MORITZ", "R."), or a particle ("von", "de"). */
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|(?:de|di|da|del|della|van|von|der|den|du|la|le|zu|bin|al|y)|und|and|et|&)$/u;

/** True if `text` reads as one to four people's names: 1 to 8 name words, most of them capitalised. */
export function looksLikeNames(text: string): boolean {
  const words = text.replace(/,/g, ' , ').split(/\s+/).filter((word) => word !== '' && word !== ',');
  if (words.length === 0 || words.length > 8) return false;
  if (!words.every((word) => NAME_WORD.test(word))) return false;
  return /^\p{Lu}/u.test(words[0] as string) && /^\p{Lu}/u.test(words[words.length - 1] as string);
}

/**
 * Where a byline written as text starts: "Von Jane Doe", "By Jane Doe", "Text von Jane Doe",
 * "Posted by Jane", "Ein Beitrag von Jane Doe", "Von:", "Auteur : Jane Doe".
 */
const BYLINE_IN_TEXT = /^(?:[\d.:/,\s]*\d[\d.:/,]*\s+|.*?\s[|/·•–—-]\s+)?(?:(?:(?:text\s+und\s+fotos?\s+|text\s+|(?:posted|written|submitted|published|geschrieben|verfasst|gespeichert|veröffentlicht|publié|écrit)\s+|(?:(?:ein|a|an)\s+)?(?:blog[-\s]?)?(?:beitrag|gastbeitrag|artikel|kommentar|post|article|story|essay)\s+)?(?:von|by|par|por|door)\s*:?)|(?:autor(?:in)?|author|auteur|texte?)\s*:)\s+(\S.*)$/iu;

/** A user name as sites show them: one word of letters, digits, dots, dashes and underscores. */
const USER_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{1,30}$/u;

/** Not where an article's byline stands: chrome, comments, captions, quotations. */
const NOT_BYLINE_PLACE = 'nav, footer, aside, figure, figcaption, blockquote, [id*="comment" i], [class*="comment" i], [id*="respond" i]';

/** Lines longer than this are sentences, not bylines. */
const MAX_BYLINE_LINE = 100;

/**
 * An author named in the page's text rather than its markup: the first short line that says
 * "Von Jane Doe", "By Jane Doe", "Text von Jane Doe" or "06.11.2023 von Jane Doe", and whose
 * rest is names (and perhaps a date); else the first such line that names a user before a
 * date ("Gespeichert von rasos am 24. Juli 2017"). Null if there is none.
 */
export function bylineInText(document: DomDocument): string | null {
  const body = document.body;
  if (!body) return null;
  let userName: string | null = null;
  for (const element of selectAll(body, 'p, span, div, a, em, i, b, strong, small, address, li, td, h2, h3, h4, h5, h6')) {
    // Only the innermost short block that holds the line: its text is the line.
    const text = element.textContent ?? '';
    if (text.length > MAX_BYLINE_LINE * 3) continue;
    const line = text.replace(/\s+/g, ' ').trim();
    if (line.length === 0 || line.length > MAX_BYLINE_LINE) continue;
    const match = BYLINE_IN_TEXT.exec(line);
    if (!match?.[1]) continue;
    const rest = match[1] as string;
    const withoutDate = rest.replace(TRAILING_DATE, '');
    const names = withoutDate.replace(OTHER_CREDITS, '').replace(/[\s,;:|/-]+$/, '').trim();
    if (element.closest(NOT_BYLINE_PLACE)) continue;
    if (looksLikeNames(names)) return names;
    // "Gespeichert von rasos am 24. Juli 2017": between the label and the date, a user name
    // counts too, lower-case as it may be, when no line names a person.
    if (withoutDate !== rest && USER_NAME.test(names)) userName ??= names;
  }
  return userName;
}

/** An address of an author's page: WordPress's /author/jane-doe/, /autor/…, /auteur/…. */
const AUTHOR_PAGE_PATH = /\/(?:author|authors|autor|autoren|auteur|auteurs|autore|redakteur|journalist)\/[^/?#]+/i;

/**
 * An author named by a link to their page on the site (`<a href="/autor/frank_g">Gunter
 * Frank</a>`), outside the chrome and the comments, if its text reads as names. Null if
 * there is none.
 */
export function authorLinkedToTheirPage(document: DomDocument): string | null {
  const body = document.body;
  if (!body) return null;
  for (const link of selectAll(body, 'a[href]')) {
    if (!AUTHOR_PAGE_PATH.test(link.getAttribute('href') ?? '')) continue;
    const name = shownText(link);
    if (looksLikeNames(name) && !link.closest(NOT_BYLINE_PLACE)) return name;
  }
  return null;
}

/** A label that stands alone before the names: "<strong>Autor:</strong> <a>Jane Doe</a>". */
const AUTHOR_LABEL = /^(?:autor(?:in)?|autoren|author|authors|auteur|verfasser(?:in)?|text|texte|written by|von|by)\s*:?$/i;

/**
 * An author named after a label in its own element ("<b>Autor:</b> Jane Doe", "<dt>Author</dt>
 * <dd>Jane Doe</dd>"): what follows the label up to the line's end (a `<br>` or the block's
 * end), if it reads as names. Null if there is none.
 */
export function authorAfterLabel(document: DomDocument): string | null {
  const body = document.body;
  if (!body) return null;
  for (const label of selectAll(body, 'strong, b, em, i, span, dt, th, label')) {
    if (!AUTHOR_LABEL.test((label.textContent ?? '').trim()) || label.closest(NOT_BYLINE_PLACE)) continue;
    let text = '';
    if (label.tagName === 'DT' || label.tagName === 'TH') text = label.nextElementSibling?.textContent ?? '';
    else {
      for (let node = label.nextSibling; node && text.length <= MAX_BYLINE_LINE; node = node.nextSibling) {
        if (node.nodeName === 'BR' || /^(?:P|DIV|LI|UL|OL|TABLE|H\d)$/.test(node.nodeName)) break;
        text += node.textContent ?? '';
      }
    }
    const names = text.replace(/\s+/g, ' ').replace(TRAILING_DATE, '').replace(/^[\s:]+|[\s,;:|/-]+$/g, '').trim();
    if (names.length <= MAX_BYLINE_LINE && looksLikeNames(names)) return names;
  }
  return null;
}
