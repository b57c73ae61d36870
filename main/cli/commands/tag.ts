/**
 * `cuttings tag ID --add T --remove T` on one article, and on many at once: `cuttings tag
 * --query Q …` (every article a search finds) or `cuttings tag ID ID… …`.
 */
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';
import { progressBar } from '../progress';

/** Runs `cuttings tag`. */
export async function tagCommand(args: string[], io: CliIo): Promise<void> {
  // Many articles at once (--query Q, or several IDs): bulkTag, below.
  if (args.some((arg) => arg === '--query' || arg.startsWith('--query='))) return bulkTag(args, io);
  const { values, positionals } = parse(args, {
    add: { type: 'string', multiple: true },
    remove: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  if (positionals.length > 1) return bulkTag(args, io);
  if (positionals.length !== 1) throw new UsageError('tag takes an ID (or several), or --query Q');
  if (!values.add && !values.remove) throw new UsageError('tag needs --add T or --remove T');
  const id = positionals[0]!;
  await withLibrary(values.library, io, false, async (library) => {
    const tags = await library.updateTags(id, values.add ?? [], values.remove ?? []);
    io.stdout.write(values.json ? `${JSON.stringify({ id, tags })}\n` : `${tags.join(', ') || '(no tags)'}\n`);
  });
}

/** `cuttings tag --query Q --add T --remove T`, or `cuttings tag ID ID… --add T`: many articles at once. */
async function bulkTag(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, {
    query: { type: 'string' },
    add: { type: 'string', multiple: true },
    remove: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  if (values.query !== undefined && positionals.length > 0) throw new UsageError('give IDs or --query Q, not both');
  if (!values.add && !values.remove) throw new UsageError('tag needs --add T or --remove T');
  const target = values.query !== undefined ? { query: values.query } : { ids: positionals };
  await withLibrary(values.library, io, false, async (library) => {
    const bar = progressBar(io.stderr, 'Tagging');
    const summary = await library.bulkTag({ ...target, add: values.add ?? [], remove: values.remove ?? [] }, bar.update).finally(bar.done);
    io.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : `${summary.message}\n`);
  });
}
