/**
 * Reading a library: what it holds, each article's summary, a whole article with its text
 * and HTML, and the versions of a re-captured article. Nothing here writes.
 */
import type { LibraryInfo } from '../../../common/api';
import type { Article, ArticleSummary, HttpHeadersKept } from '../../../common/article';
import { toSummary, type ArticleRecord } from '../storage/article-record';
import { readCapture, type CapturedContent } from '../storage/captures';
import type { LibraryContext } from './library-context';

/** Where the library is and how many articles it holds. */
export function libraryInfo(context: LibraryContext): LibraryInfo {
  return { path: context.root, articles: context.catalog.size, readOnly: context.readOnly, search: context.search.status() };
}

/** Every article's summary, newest clipped first. */
export function listArticles(context: LibraryContext): ArticleSummary[] {
  return context.catalog.all().map(toSummary);
}

/** One whole article. Throws `library: no article with id …` for an unknown id. */
export async function readArticle(context: LibraryContext, id: string): Promise<Article> {
  const record = context.record(id);
  const content = await readCapture(context.root, id);
  return {
    ...toSummary(record),
    text: content.text,
    html: content.html,
    provenance: record.provenance,
    note: record.note ?? '',
    highlights: record.highlights ?? [],
    ...(record.provenance.method === 'url' ? { httpHeaders: httpHeadersOf(content) } : {}),
  };
}

/**
 * Whether a fetched page's capture keeps its HTTP exchange: pages clipped before Cuttings kept
 * it have none, and their provenance says so (they leave a WARC as `resource` records).
 */
function httpHeadersOf(content: CapturedContent): HttpHeadersKept {
  return content.http?.page?.length ? 'kept' : 'not kept';
}

/** Every capture of an article, first first: the article it is a version of and all its versions. */
export function articleVersions(context: LibraryContext, id: string): ArticleRecord[] {
  const record = context.record(id);
  const root = record.provenance.versionOf ?? record.id;
  return context.catalog
    .all()
    .filter((other) => other.id === root || other.provenance.versionOf === root)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
