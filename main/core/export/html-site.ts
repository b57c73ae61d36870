/**
 * A static HTML site of the selected articles that opens offline in any browser, from a
 * folder or a web server, with no script at all:
 *
 *   index.html                 every article, newest first, and the tags to filter by
 *   tags/<tag> <n>.html        the same list for one tag (the filter: a link, not a script)
 *   articles/<title> <id>.html one page an article: metadata, tags, text, the user's note and highlights
 *
 * Every value is HTML-escaped, the body included (it is rendered from the plain text, not
 * the stored HTML), and every page carries a Content-Security-Policy that loads nothing
 * from anywhere: `default-src 'none'`, the one inline style allowed by its hash.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tagKey } from '../../../common/tags';
import type { ArticleRecord } from '../storage/article-record';
import { escapeHtml } from '../clip/escape-html';
import type { ArticleReader } from '../library/article-access';
import type { ExportOptions } from './export-options';
import { writeFolderAtomically } from './output-file';
import { readArticles } from './read-articles';
import { articleFileName, safeFileStem } from './safe-file-name';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222;background:#fff}
@media (prefers-color-scheme:dark){body{color:#ddd;background:#111}a{color:#8cf}}
nav.tags a{display:inline-block;margin:0 .5em .3em 0}nav.tags a[aria-current]{font-weight:bold}
ul.articles{list-style:none;padding:0}ul.articles li{margin:.6em 0}.meta{color:#777;font-size:.9em}
article p{margin:0 0 1em}blockquote{margin:0 0 .4em;padding-left:1em;border-left:3px solid #fc3}`;

/** The CSP of every page: nothing loads; the one inline style is allowed by its SHA-256. */
export const SITE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; img-src 'none'; base-uri 'none'; form-action 'none'`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(SITE_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A relative link's path, each segment percent-encoded (names hold spaces, #, %). */
function href(...segments: string[]): string {
  return segments.map((segment) => encodeURIComponent(segment)).join('/');
}

interface Listed {
  record: ArticleRecord;
  file: string;
}

function listItems(articles: readonly Listed[], prefix: string): string {
  return articles
    .map(({ record, file }) => {
      const date = (record.published ?? record.clipped).slice(0, 10);
      const meta = [record.source, date].filter(Boolean).map((part) => escapeHtml(part!)).join(' · ');
      return `<li><a href="${escapeHtml(prefix + href('articles', file))}">${escapeHtml(record.title)}</a> <span class="meta">${meta}</span></li>`;
    })
    .join('\n');
}

function tagNav(tags: readonly { tag: string; file: string; count: number }[], prefix: string, current: string | null): string {
  const all = `<a href="${escapeHtml(`${prefix}index.html`)}"${current === null ? ' aria-current="page"' : ''}>All</a>`;
  const links = tags.map(
    ({ tag, file, count }) => `<a href="${escapeHtml(prefix + href('tags', file))}"${current === tag ? ' aria-current="page"' : ''}>${escapeHtml(tag)} (${count})</a>`,
  );
  return `<nav class="tags" aria-label="Tags">${[all, ...links].join(' ')}</nav>`;
}

/** The body of an article page: its text as escaped paragraphs. */
function articleBody(record: ArticleRecord, text: string): string {
  const rows: [string, string | null][] = [
    ['Source', record.source],
    ['Author', record.author],
    ['Published', record.published],
    ['Clipped', record.clipped],
    ['Words', String(record.words)],
    ['SHA-256', record.provenance.originalSha256],
  ];
  const url = record.url && /^https?:\/\//iu.test(record.url) ? `<p class="meta"><a href="${escapeHtml(record.url)}" rel="noreferrer">${escapeHtml(record.url)}</a></p>` : '';
  const tags = record.tags.map((tag) => escapeHtml(tag)).join(', ');
  const paragraphs = text
    .split(/\n{2,}/u)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/gu, '<br>')}</p>`)
    .join('\n');
  return `<p><a href="../index.html">← All articles</a></p>
<article>
<h1>${escapeHtml(record.title)}</h1>
<dl class="meta">${rows.filter(([, v]) => v).map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v!)}</dd>`).join('')}${tags ? `<dt>Tags</dt><dd>${tags}</dd>` : ''}</dl>
${url}
${paragraphs}
</article>${annotationsHtml(record)}`;
}

/** Paragraphs of escaped text (a note is shown as its Markdown source: no Markdown renderer, no markup from it). */
function escapedParagraphs(text: string): string {
  return text
    .split(/\n{2,}/u)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/gu, '<br>')}</p>`)
    .join('\n');
}

/** The user's note and highlights, after the article; '' when there are none. */
function annotationsHtml(record: ArticleRecord): string {
  let html = '';
  if (record.note) html += `\n<section class="note">\n<h2>Note</h2>\n${escapedParagraphs(record.note)}\n</section>`;
  if (record.highlights?.length) {
    const items = record.highlights.map(
      (highlight) => `<li><blockquote>${escapeHtml(highlight.quote)}</blockquote>${highlight.comment ? `\n${escapedParagraphs(highlight.comment)}` : ''}</li>`,
    );
    html += `\n<section class="highlights">\n<h2>Highlights</h2>\n<ul class="articles">\n${items.join('\n')}\n</ul>\n</section>`;
  }
  return html;
}

/** Exports the records as a static site in the folder `path` (which must not exist or be empty). */
export async function exportHtmlSite(library: ArticleReader, records: readonly ArticleRecord[], path: string, options: ExportOptions = {}): Promise<void> {
  await writeFolderAtomically(path, async (folder) => {
    await mkdir(join(folder, 'articles'));
    await mkdir(join(folder, 'tags'));
    const listed: Listed[] = records.map((record) => ({ record, file: articleFileName(record.title, record.id, 'html') }));
    // Tags by key, so `Ukraine` and `ukraine` are one page; each tag's file gets a number, as two tags can share a safe stem.
    const byTag = new Map<string, { tag: string; file: string; articles: Listed[] }>();
    for (const item of listed) {
      for (const tag of item.record.tags) {
        const key = tagKey(tag);
        let entry = byTag.get(key);
        if (!entry) byTag.set(key, (entry = { tag, file: `${safeFileStem(tag.replace(/\//gu, ' - '), 80)} ${byTag.size + 1}.html`, articles: [] }));
        entry.articles.push(item);
      }
    }
    const tags = [...byTag.values()].sort((a, b) => b.articles.length - a.articles.length || a.tag.localeCompare(b.tag)).map((entry) => ({ ...entry, count: entry.articles.length }));
    let done = 0;
    for await (const { record, content } of readArticles(library.path, records, options.signal)) {
      await writeFile(join(folder, 'articles', listed[done]!.file), page(record.title, articleBody(record, content.text)));
      if (++done % 200 === 0) options.onProgress?.(done, records.length);
    }
    const title = `Cuttings: ${records.length} article${records.length === 1 ? '' : 's'}`;
    await writeFile(join(folder, 'index.html'), page(title, `<h1>${escapeHtml(title)}</h1>\n${tagNav(tags, '', null)}\n<ul class="articles">\n${listItems(listed, '')}\n</ul>`));
    for (const entry of tags) {
      const heading = `${entry.tag} (${entry.count})`;
      await writeFile(
        join(folder, 'tags', entry.file),
        page(heading, `<h1>${escapeHtml(heading)}</h1>\n${tagNav(tags, '../', entry.tag)}\n<ul class="articles">\n${listItems(entry.articles, '../')}\n</ul>`),
      );
    }
    options.onProgress?.(records.length, records.length);
  });
}
