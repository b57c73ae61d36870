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
 * A byline cleaned to its names, or null if what is left does not look like names: empty,
 * too long, a bare prefix ("By"), or a URL.
 */
export function cleanByline(raw: string | null | undefined): string | null {
  let text = raw?.replace(/\s+/g, ' ').trim() ?? '';
  for (let i = 0; i < 2; i++) text = text.replace(BYLINE_PREFIX, '').trim();
  // A photo credit is not a byline; a handle is not a name.
  if (/^(?:foto|photo|bild|image|©|@)/i.test(text)) return null;
  text = text
    .replace(/\s*(?:→|»|›|\|).*$/, '')
    .replace(/\s+(?:alle (?:artikel|beiträge)|all (?:posts|articles)|chefredakteur(?:in)?|redakteur(?:in)?|editor|follow|folgen)\b.*$/i, '')
    .replace(/,\s*(?:cnn|reuters|ap|afp|dpa|bbc)$/i, '')
    .replace(/\s+@\w+$/, '')
    .replace(/^[-–—:,|\s]+|[-–—:,|\s]+$/g, '')
    .trim();
  if (!text || text.length > 80 || /^(?:by|von|par|posted|author|autor|follow|alle beiträge|all posts|share|teilen)$/i.test(text)) return null;
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
