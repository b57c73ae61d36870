/**
 * Netscape bookmark files, as browsers, Pocket and Raindrop export them:
 * `<!DOCTYPE NETSCAPE-Bookmark-file-1>` and `<DT><A HREF="…" ADD_DATE="…" TAGS="a,b">Title</A>`,
 * with an optional `<DD>` description after each link. Every web (http/https) link becomes a
 * URL-only record, its TAGS as tags and its description as its text when it has one.
 * Parsed with jsdom, as a browser would, so that the format's unclosed tags are no trouble.
 */
import { foreignCandidate, type ImportCandidate } from './import-candidate';

/** True when the text starts like a Netscape bookmark file. */
export function looksLikeBookmarks(head: string): boolean {
  return /<!DOCTYPE\s+NETSCAPE-Bookmark-file-1>/iu.test(head);
}

/** Candidates from a bookmark file. */
export async function readNetscapeBookmarks(input: string): Promise<ImportCandidate[]> {
  const { JSDOM } = await import('jsdom');
  const document = new JSDOM(input).window.document;
  const candidates: ImportCandidate[] = [];
  const links = [...document.querySelectorAll('a[href]')];
  for (const [i, link] of links.entries()) {
    const href = link.getAttribute('href') ?? '';
    const label = `bookmark ${i + 1} (${href.slice(0, 80)})`;
    if (!/^https?:\/\//iu.test(href)) {
      candidates.push({ label, error: 'not a web address (http or https)' });
      continue;
    }
    // The description is the <DD> that follows the link's <DT>.
    const dt = link.closest('dt');
    const next = dt?.nextElementSibling;
    const description = next?.tagName === 'DD' ? (next.textContent ?? '').trim() : '';
    candidates.push(
      foreignCandidate({
        label,
        title: link.textContent,
        url: href,
        text: description || null,
        tags: (link.getAttribute('tags') ?? '').split(','),
        original: Buffer.from(link.outerHTML, 'utf8'),
      }),
    );
  }
  return candidates;
}
