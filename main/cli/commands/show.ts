/**
 * `cuttings show ID`: one article — its metadata, tags, provenance, note, highlights and
 * text — or, with --json, all of it but the HTML.
 */
import { HTTP_HEADERS_SAID, type Article } from '../../../common/article';
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';
import { fieldBlock } from '../field-block';

/** Runs `cuttings show`. */
export async function showCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('show takes one ID');
  await withLibrary(values.library, io, true, async (library) => {
    const article = await library.get(positionals[0]!);
    io.stdout.write(values.json ? `${JSON.stringify(withoutHtml(article))}\n` : formatArticle(article));
  });
}

function withoutHtml(article: Article): Omit<Article, 'html'> {
  const { html: _html, ...rest } = article;
  return rest;
}

function formatArticle(article: Article): string {
  const p = article.provenance;
  const block = fieldBlock(article.title, [
    ['Id:', article.id],
    ['Source:', article.source],
    ['Author:', article.author],
    ['Published:', article.published],
    ['Clipped:', article.clipped],
    ['Edited:', article.edited && `${article.edited} (details changed or confirmed after capture; \`cuttings evidence\` lists each change)`],
    ['URL:', article.url],
    ['Tags:', article.tags.join(', ')],
    ['Words:', String(article.words)],
    ['SHA-256:', `${p.originalSha256} (as received)`],
    ['Fetched:', p.originalUrl && `${p.originalUrl}${p.finalUrl && p.finalUrl !== p.originalUrl ? ` → ${p.finalUrl}` : ''}${p.httpStatus ? ` (HTTP ${p.httpStatus})` : ''}`],
    ['Version of:', p.versionOf],
    ['Headers:', article.httpHeaders && HTTP_HEADERS_SAID[article.httpHeaders]],
    ['Archived:', p.archived && `${p.archived.archive}, record ${p.archived.recordId}, captured ${p.archived.date}`],
  ]);
  return `${block}\n${formatAnnotations(article)}\n${article.text}\n`;
}

/** The note and highlights of an article as `cuttings show` prints them after the metadata; '' if none. */
function formatAnnotations(article: Pick<Article, 'note' | 'highlights'>): string {
  const parts: string[] = [];
  if (article.note !== '') parts.push(`Note:\n${article.note.replace(/\n*$/u, '').replace(/^/gmu, '  ')}`);
  if (article.highlights.length > 0) {
    const lines = article.highlights.map((highlight) => {
      const quote = highlight.quote.replace(/\s+/gu, ' ');
      return `  “${quote}”${highlight.comment ? `\n      ${highlight.comment.replace(/\s+/gu, ' ')}` : ''}`;
    });
    parts.push(`Highlights (${article.highlights.length}):\n${lines.join('\n')}`);
  }
  return parts.length > 0 ? `\n${parts.join('\n\n')}\n` : '';
}
