/**
 * Authors named in the page's markup rather than its metadata: schema.org microdata,
 * `rel=author` links, and elements whose class says "author" or "byline". And the cleaning
 * every byline needs: "By", "Von", "Par", "Posted by" and the like in front, a Twitter
 * handle or "→" behind.
 */
import { selectAll } from './dom';
import type { DomDocument, DomElement } from './dom';

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
  `(?<!\\d)(?:\\s+(?:(?:am|on|le|el|il|vom|published|veröffentlicht|updated|aktualisiert)\\s+)?|\\s*[,/|·•–—-]\\s*)${DATE_START}.*$`,
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
      const name = cleanByline(element.getAttribute('content') ?? element.textContent);
      if (name) return name;
    }
  }
  for (const element of selectAll(document, '[class], [id]')) {
    if (!marksAuthor(element) || inComments(element)) continue;
    const name = cleanByline(element.textContent);
    if (name) return name;
  }
  return null;
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

/** Where a byline written as text starts: "Von Jane Doe", "By Jane Doe", "Text von Jane Doe", "Posted by Jane", "Von:", "Auteur : Jane Doe". */
const BYLINE_IN_TEXT = /^(?:[\d.:/,\s]*\d[\d.:/,]*\s+|.*?\s[|/·•–—-]\s+)?(?:(?:(?:text\s+und\s+fotos?\s+|text\s+|(?:posted|written|submitted|published|geschrieben|verfasst|gespeichert|veröffentlicht|publié|écrit)\s+)?(?:von|by|par|por|door)\s*:?)|(?:autor(?:in)?|author|auteur|texte?)\s*:)\s+(\S.*)$/iu;

/** Not where an article's byline stands: chrome, comments, captions. */
const NOT_BYLINE_PLACE = 'nav, footer, aside, figure, figcaption, [id*="comment" i], [class*="comment" i], [id*="respond" i]';

/** Lines longer than this are sentences, not bylines. */
const MAX_BYLINE_LINE = 100;

/**
 * An author named in the page's text rather than its markup: the first short line that says
 * "Von Jane Doe", "By Jane Doe", "Text von Jane Doe" or "06.11.2023 von Jane Doe", and whose
 * rest is names (and perhaps a date). Null if there is none.
 */
export function bylineInText(document: DomDocument): string | null {
  const body = document.body;
  if (!body) return null;
  for (const element of selectAll(body, 'p, span, div, a, em, i, b, strong, small, address, li, td, h2, h3, h4, h5, h6')) {
    // Only the innermost short block that holds the line: its text is the line.
    const text = element.textContent ?? '';
    if (text.length > MAX_BYLINE_LINE * 3) continue;
    const line = text.replace(/\s+/g, ' ').trim();
    if (line.length === 0 || line.length > MAX_BYLINE_LINE) continue;
    const match = BYLINE_IN_TEXT.exec(line);
    if (!match?.[1]) continue;
    const names = (match[1] as string).replace(TRAILING_DATE, '').replace(OTHER_CREDITS, '').replace(/[\s,;:|/-]+$/, '').trim();
    if (!looksLikeNames(names) || element.closest(NOT_BYLINE_PLACE)) continue;
    return names;
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
