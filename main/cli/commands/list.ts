/** `cuttings list`: every article, newest clipped first, a line each (or a JSON array). */
import type { ArticleSummary } from '../../../common/article';
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';

/** Runs `cuttings list`. */
export async function listCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(`list takes no arguments, got '${positionals[0]}'`);
  await withLibrary(values.library, io, true, async (library) => {
    const articles = library.list();
    if (values.json) {
      io.stdout.write(`${JSON.stringify(articles)}\n`);
      return;
    }
    for (const article of articles) io.stdout.write(formatRow(article));
  });
}

function formatRow(article: ArticleSummary): string {
  const date = (article.published ?? article.clipped).slice(0, 10);
  const tags = article.tags.length > 0 ? `  [${article.tags.join(', ')}]` : '';
  return `${article.id}  ${date}  ${article.title}${tags}\n`;
}
