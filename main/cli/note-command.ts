/**
 * `cuttings note ID` prints an article's note; `cuttings note ID --set TEXT` sets it
 * (`--set ''` deletes it). Also how `cuttings show` prints notes and highlights.
 */
import type { Article } from '../../common/article';
import { parse, UsageError, withLibrary, type CliIo } from './cuttings';

/** Runs `cuttings note`. */
export async function noteCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { set: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('note takes one ID');
  const id = positionals[0]!;
  const setting = values.set !== undefined;
  await withLibrary(values.library, io, !setting, async (library) => {
    const article = setting ? await library.setNote(id, values.set!) : await library.get(id);
    if (values.json) io.stdout.write(`${JSON.stringify({ id, note: article.note, highlights: article.highlights })}\n`);
    else if (setting) io.stdout.write(article.note === '' ? `note on ${id} deleted\n` : `note on ${id} saved (${article.note.length} characters)\n`);
    else io.stdout.write(article.note === '' ? '' : `${article.note.replace(/\n*$/u, '')}\n`);
  });
}

/** The note and highlights of an article as `cuttings show` prints them after the metadata; '' if none. */
export function formatAnnotations(article: Pick<Article, 'note' | 'highlights'>): string {
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
