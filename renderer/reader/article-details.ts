/**
 * The reader's lists of what is known about an article: its metadata under the title (source,
 * author, dates, address, length, and Edit details… to change them) and its provenance (how and when it was captured, where a
 * fetched page came from and whether its HTTP headers were kept, the web archive record an
 * imported page came from, the SHA-256 of what was received and of its text). Addresses in the
 * provenance are shown as text, not links: provenance is for reading and copying.
 */
import { HTTP_HEADERS_SAID, type Article } from '../../common/article';
import { el, type Child } from '../helpers/dom';
import { formatDate, formatDateTime, webUrl } from '../helpers/format';

const METHOD_NAMES: Partial<Record<Article['provenance']['method'], string>> = {
  paste: 'Pasted text',
  file: 'File',
  stdin: 'Standard input',
  url: 'Web page',
  import: 'Imported',
  browser: 'From the browser',
};

/** "Edit details…" under the metadata: the title, date, author and source (dialogs/details-dialog.ts). */
export function editDetailsButton(onClick: () => void): HTMLButtonElement {
  const button = el('button', { className: 'button small', attrs: { type: 'button', id: 'reader-edit-details' } }, 'Edit details…');
  button.addEventListener('click', onClick);
  return button;
}

/** The rows of the metadata list under the article's title. */
export function metaRows(article: Article): Child[] {
  const rows: Child[] = [];
  const row = (label: string, value: Child, className = '') =>
    rows.push(el('div', { className: `meta-row ${className}`.trim() }, el('dt', {}, label), el('dd', {}, value)));
  if (article.source) row('Source', article.source);
  if (article.author) row('Author', article.author);
  if (article.published) {
    row('Published', el('time', { attrs: { datetime: article.published } }, formatDate(article.published)));
  }
  row('Clipped', el('time', { attrs: { datetime: article.clipped, title: article.clipped } }, formatDateTime(article.clipped)));
  if (article.url) {
    const url = webUrl(article.url);
    // Only a web address becomes a link, and it opens outside the app window (target=_blank:
    // Electron's window-open handler decides where; the app window itself never navigates).
    row(
      'URL',
      url
        ? el('a', { className: 'reader-url', attrs: { href: url.href, target: '_blank', rel: 'noopener noreferrer' } }, article.url)
        : el('span', { className: 'reader-url' }, article.url),
      'meta-url',
    );
  }
  row('Words', article.words.toLocaleString());
  return rows;
}

/** The rows of the provenance list. */
export function provenanceRows(article: Article): Child[] {
  const p = article.provenance;
  const rows: [string, Child][] = [
    ['Method', METHOD_NAMES[p.method] ?? p.method],
    ...(p.fileName ? ([['File', p.fileName]] as [string, Child][]) : []),
    ['Captured', el('time', { attrs: { datetime: p.captured, title: p.captured } }, `${formatDateTime(p.captured)} (${p.captured})`)],
    ...fetchRows(p),
    ...webArchiveRows(article),
    ['Original SHA-256', el('code', { className: 'hash' }, p.originalSha256)],
    ['Text SHA-256', el('code', { className: 'hash' }, p.textSha256)],
    ['Cuttings version', p.appVersion],
  ];
  return rows.map(([label, value]) => el('div', { className: 'meta-row' }, el('dt', {}, label), el('dd', {}, value)));
}

/**
 * Where a fetched page came from: the address asked for, where redirects ended, the address
 * the page names as its own, the HTTP status and type, and the first capture when this is a
 * later version.
 */
function fetchRows(p: Article['provenance']): [string, Child][] {
  const rows: [string, Child][] = [];
  const address = (label: string, url: string | undefined) => {
    if (url) rows.push([label, el('code', { className: 'provenance-url' }, url)]);
  };
  address('Requested URL', p.originalUrl);
  if (p.finalUrl !== p.originalUrl) address('Final URL', p.finalUrl);
  address('Canonical URL', p.canonicalUrl);
  if (p.httpStatus !== undefined) rows.push(['HTTP status', String(p.httpStatus)]);
  if (p.contentType) rows.push(['Content type', p.contentType]);
  if (p.versionOf) rows.push(['Version of', el('code', {}, p.versionOf)]);
  return rows;
}

/**
 * What web archives need and give: whether a fetched page's HTTP headers were kept (a WARC
 * export writes them), and the file, record and capture date of a page imported from one.
 */
function webArchiveRows(article: Article): [string, Child][] {
  const rows: [string, Child][] = [];
  if (article.httpHeaders) rows.push(['HTTP headers', HTTP_HEADERS_SAID[article.httpHeaders]]);
  const archived = article.provenance.archived;
  if (archived) {
    rows.push(['Web archive', archived.archive]);
    rows.push(['WARC record', el('code', {}, archived.recordId)]);
    rows.push(['Archived', el('time', { attrs: { datetime: archived.date, title: archived.date } }, `${formatDateTime(archived.date)} (${archived.date})`)]);
  }
  return rows;
}
