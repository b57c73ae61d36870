/** `cuttings reindex`: throws the search index away and builds it again from the stored articles. */
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';
import { progressBar } from '../progress';

/** Runs `cuttings reindex`. */
export async function reindexCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, {});
  if (positionals.length > 0) throw new UsageError(`reindex takes no arguments, got '${positionals[0]}'`);
  await withLibrary(values.library, io, false, async (library) => {
    const bar = progressBar(io.stderr, 'Indexing');
    const count = await library.reindex(bar.update).finally(bar.done);
    io.stdout.write(`Indexed ${count} article${count === 1 ? '' : 's'}\n`);
  });
}
