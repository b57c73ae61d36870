/**
 * `cuttings delete ID [--reason TEXT]`: deletes a cutting. The custody log keeps an entry with
 * the hashes it had and the reason, so the deletion itself is on the record.
 */
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';

/** Runs `cuttings delete`. */
export async function deleteCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { reason: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('delete takes one ID');
  await withLibrary(values.library, io, false, async (library) => {
    const { title } = library.record(positionals[0]!);
    await library.deleteArticle(positionals[0]!, values.reason ?? '');
    io.stdout.write(`Deleted ${positionals[0]} ("${title}"); the custody log keeps its hashes\n`);
  });
}
