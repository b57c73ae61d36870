/**
 * `cuttings edit ID [--title T] [--published DATE] [--author A] [--source S]`: changes an
 * article's details after capture ('' clears all but the title); `--confirm` with none of
 * them confirms the details as they are (a scan's guessed headline and date). The custody log
 * records each change (library/edit-details.ts).
 */
import type { ArticleDetails } from '../../../common/article-details';
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';

const FIELDS = ['title', 'published', 'author', 'source'] as const;

/** Runs `cuttings edit`. */
export async function editCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, {
    title: { type: 'string' },
    published: { type: 'string' },
    author: { type: 'string' },
    source: { type: 'string' },
    confirm: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('edit takes one ID');
  const id = positionals[0]!;
  const details: ArticleDetails = {};
  for (const field of FIELDS) if (values[field] !== undefined) details[field] = values[field];
  const given = Object.keys(details).length;
  if (given === 0 && !values.confirm) throw new UsageError('edit needs --title, --published, --author or --source (or --confirm)');
  if (given > 0 && values.confirm) throw new UsageError('edit takes --confirm alone: saving new details confirms them');
  await withLibrary(values.library, io, false, async (library) => {
    const before = library.record(id);
    const article = await library.editDetails(id, details);
    if (values.json) {
      const { title, published, author, source, edited } = article;
      io.stdout.write(`${JSON.stringify({ id, title, published, author, source, edited })}\n`);
      return;
    }
    const changed = FIELDS.filter((field) => (before[field] ?? null) !== (article[field] ?? null));
    if (changed.length === 0) {
      io.stdout.write(`${id}: details confirmed as they are ("${article.title}")\n`);
      return;
    }
    const shown = (value: string | null) => (value === null ? '(none)' : `"${value}"`);
    io.stdout.write(`${id}: ${changed.map((field) => `${field} ${shown(article[field] ?? null)}`).join(', ')}; the custody log records the change\n`);
  });
}
