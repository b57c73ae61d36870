/**
 * A `<title>` that never closes. The HTML parser reads a title's content as text up to
 * `</title` followed by a space, `/` or `>`; without one, the rest of the page — head, body,
 * article — becomes the title, and the document has no body at all. Chromium shows such a page
 * blank. Pages come to Cuttings this way when a crawler or a mirror damaged the head: 8 of
 * L3S-GN1's 620 news pages (`extraction-dev`) have a title cut short ("…(The Korea Times)ntById(")
 * or closed by a broken tag (`</titlevalue="true" -->`), and each was refused for showing no
 * text, although its article is all there after the head. Older parsers ended such a title
 * where its first line or its first tag ended; so does this, before the page is parsed.
 */

/** The start of a `<title>` tag. */
const TITLE_START = /<title(?=[\s/>])[^>]*>/iu;
/** An end tag the parser accepts as closing the title. */
const TITLE_END = /<\/title[\s/>]/iu;
/** Where a title's own text ends, at the latest: its first line break or tag. */
const TITLE_TEXT_END = /[<\r\n]/u;

/**
 * The page with a runaway title closed at the end of its first line or at its first `<`,
 * whichever comes first; any other page unchanged (the same string). A title after the
 * body's start tag (inside an SVG) is left alone: it is not the page's title.
 * `closeRunawayTitle('<title>News</titl e><p>Story')` → `'<title>News</title></titl e><p>Story'`.
 */
export function closeRunawayTitle(html: string): string {
  const start = TITLE_START.exec(html);
  if (!start) return html;
  const textStart = start.index + start[0].length;
  const body = /<body[\s>]/iu.exec(html);
  if (body && body.index < start.index) return html;
  if (TITLE_END.test(html.slice(textStart))) return html;
  const textEnd = TITLE_TEXT_END.exec(html.slice(textStart));
  const at = textEnd ? textStart + textEnd.index : html.length;
  return `${html.slice(0, at)}</title>${html.slice(at)}`;
}
