/**
 * Publication dates written for people rather than machines: in the page's URL
 * (`/2019/11/17/`), and in text such as "17. November 2019", "17.11.2019", "Nov 17, 2019" or
 * "17 novembre 2019". Used when the page's metadata has no date (see metadata.ts).
 */
import { selectAll, selectFirst } from './dom';
import type { DomDocument, DomElement } from './dom';

/** Month names and their usual abbreviations, in the languages of the pages Cuttings meets most. */
const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'gennaio'],
  ['february', 'feb', 'februar', 'feber', 'février', 'févr', 'fevrier', 'febrero', 'febbraio'],
  ['march', 'mar', 'märz', 'maerz', 'mrz', 'mars', 'marzo'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio'],
  ['august', 'aug', 'août', 'aout', 'agosto'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre'],
  ['november', 'nov', 'novembre', 'noviembre'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dicembre'],
];
MONTH_NAMES.forEach((names, index) => {
  for (const name of names) MONTHS[name] = index + 1;
});
const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})\\.?`;

/** The written forms, each with how to read its groups into [year, month, day]. */
const WRITTEN_DATES: Array<[RegExp, (m: RegExpExecArray) => [string, string, string]]> = [
  // 2019-11-17, 2019/11/17
  [/\b((?:19|20)\d\d)[-/.](\d\d?)[-/.](\d\d?)\b/, (m) => [m[1]!, m[2]!, m[3]!]],
  // 17.11.2019 (day first, as everywhere that writes dots)
  [/\b(\d\d?)\.\s?(\d\d?)\.\s?((?:19|20)\d\d)\b/, (m) => [m[3]!, m[2]!, m[1]!]],
  // 17.11.19: day first with a two-digit year, written padded (version numbers seldom are)
  [/\b(\d\d)\.(\d\d)\.(\d\d)(?![\d.])/, (m) => [shortYear(m[3]!), m[2]!, m[1]!]],
  // 17. November 2019, 17 Nov 2019, 1er janvier 2020
  [new RegExp(`\\b(\\d\\d?)(?:\\.|er|st|nd|rd|th)?\\s+${MONTH}\\s+((?:19|20)\\d\\d)\\b`, 'iu'), (m) => [m[3]!, m[2]!, m[1]!]],
  // November 17, 2019; Nov. 17th 2019
  [new RegExp(`\\b${MONTH}\\s+(\\d\\d?)(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b`, 'iu'), (m) => [m[3]!, m[1]!, m[2]!]],
];

/** A two-digit year: this century's unless that would be in the future. */
function shortYear(yy: string): string {
  const year = 2000 + Number(yy);
  return String(year <= new Date().getFullYear() + 1 ? year : year - 100);
}

/**
 * The first date written in `text`, as YYYY-MM-DD, or null. `earliestYear` is the first year
 * taken for a date: web pages are no older than 1990, but a printed cutting may be a century old.
 */
export function dateInText(text: string, earliestYear = 1990): string | null {
  let best: { index: number; date: string } | null = null;
  for (const [pattern, read] of WRITTEN_DATES) {
    const match = pattern.exec(text);
    if (!match || (best && best.index <= match.index)) continue;
    const [year, month, day] = read(match);
    const date = toIsoDay(Number(year), monthNumber(month), Number(day), earliestYear);
    if (date) best = { index: match.index, date };
  }
  return best?.date ?? null;
}

/** A date in the page's address: `/2019/11/17/`, `/2019-11-17-`, `/20191117/`; null if none. */
export function dateInUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const match =
    /[/_-]((?:19|20)\d\d)[/_-]([01]?\d)[/_-]([0-3]?\d)(?:[/_.-]|$)/.exec(path) ??
    /[/_-]((?:19|20)\d\d)([01]\d)([0-3]\d)(?:[/_.-]|$)/.exec(path);
  return match ? toIsoDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/**
 * Parts of class, id or itemprop words that mark an element holding the article's date (or
 * its byline line, which usually carries the date too): `post-date`, `itemPostDate`,
 * `entry-meta`, `dateline`. Words are split at `-`, `_` and camelCase humps.
 */
const DATE_HOLDER_PARTS = new Set([
  'date', 'datum', 'time', 'published', 'publish', 'pubdate', 'posted', 'postdate', 'postedon', 'dateline',
  'timestamp', 'meta', 'byline', 'authored', 'updated', 'datetime', 'created', 'submitted',
]);

/**
 * The first date written in an element the page marks as a date holder, before the article
 * ends (elements inside comments are skipped: their dates are the comments').
 */
export function dateInMarkup(document: DomDocument): string | null {
  for (const element of selectAll(document, '[class], [id], [itemprop], [data-testid]')) {
    if (!marksDate(element)) continue;
    const text = element.textContent ?? '';
    if (text.length > 300 || element.closest('[id*="comment" i], [class*="comment" i]')) continue;
    const date = dateInText(text);
    if (date) return date;
  }
  return dateAfterLabel(document);
}

/**
 * Words that label a publication date in a page's facts list: "Datum: 26. Januar 2022",
 * "Published: …", "Veröffentlicht am …", "Publié le …". Not "Stand" or "Updated": those
 * date a change.
 */
const DATE_LABEL =
  /^(?:datum|date|published(?: on)?|publication date|veröffentlicht(?: am)?|erschienen(?: am)?|publiziert(?: am)?|erstellt(?: am)?|publié le|date de publication|fecha(?: de publicación)?|publicado(?: el)?|pubblicato(?: il)?)\s*:?\s*/i;

/** Lines longer than this are sentences, not a labelled date. */
const MAX_LABELLED_LINE = 80;

/** The first date written after a date label in a short line of the page (see {@link DATE_LABEL}). */
function dateAfterLabel(document: DomDocument): string | null {
  for (const element of selectAll(document, 'li, p, dd, td, div, span')) {
    const text = element.textContent ?? '';
    if (text.length > MAX_LABELLED_LINE * 2) continue;
    const line = text.replace(/\s+/g, ' ').trim();
    const label = DATE_LABEL.exec(line);
    if (!label || line.length > MAX_LABELLED_LINE || element.closest('[id*="comment" i], [class*="comment" i]')) continue;
    const date = dateInText(line.slice(label[0].length));
    if (date) return date;
  }
  return null;
}

function marksDate(element: DomElement): boolean {
  const words = [element.getAttribute('class'), element.getAttribute('id'), element.getAttribute('itemprop'), element.getAttribute('data-testid')]
    .join(' ')
    .split(/\s+/);
  // A part ending in "date" is one too: `publishingdate`, `articledate`.
  return words.some((word) =>
    word.split(/[-_]+|(?<=[a-z])(?=[A-Z])/).some((part) => DATE_HOLDER_PARTS.has(part.toLowerCase()) || /.date$/i.test(part)),
  );
}

function monthNumber(raw: string): number {
  const numeric = Number(raw);
  if (Number.isInteger(numeric)) return numeric;
  return MONTHS[raw.toLocaleLowerCase('und').replace(/\.$/, '')] ?? 0;
}

function toIsoDay(year: number, month: number, day: number, earliestYear = 1990): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (year < earliestYear || year > new Date().getFullYear() + 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** How much text after the headline is searched for its date: a byline line, not the story. */
const NEAR_HEADLINE = 200;

/**
 * The date written just after the page's first `<h1>`, where the byline line stands
 * ("Handball Schweiz • 02.02.2022"), in the elements that follow it, up to three levels out.
 * A date further down is more likely a sidebar's or a comment's.
 */
export function dateNearHeadline(document: DomDocument): string | null {
  let element: DomElement | null = selectFirst(document, 'h1');
  let text = '';
  for (let level = 0; level < 3 && element && text.length < NEAR_HEADLINE; level++) {
    for (let next = element.nextElementSibling; next && text.length < NEAR_HEADLINE; next = next.nextElementSibling) {
      text += ` ${(next.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
    }
    element = element.parentElement;
  }
  return dateInText(text.slice(0, NEAR_HEADLINE));
}
