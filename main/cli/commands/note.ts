/**
 * `cuttings note ID` prints an article's note; `cuttings note ID --set TEXT` sets it
 * (`--set ''` deletes it). (`cuttings show` prints notes and highlights with the article.)
 */
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';

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
