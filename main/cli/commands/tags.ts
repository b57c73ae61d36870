/**
 * `cuttings tags` lists the tags with their counts; `cuttings tags rename OLD NEW` renames
 * (or merges, or moves) a tag and the tags under it, and `cuttings tags delete TAG` deletes
 * them. Listing only reads the library, so it works while the app has it open. (Undo is the
 * app's: a command's change cannot be undone by a later command, as the undo stack lives as
 * long as the library is open.)
 */
import type { TagCount } from '../../../common/article';
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';
import { progressBar } from '../progress';

/** `cuttings tags [--json]`, `cuttings tags rename OLD NEW`, `cuttings tags delete T`. */
export async function tagsCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  const [action, ...rest] = positionals;
  if (action === undefined || action === 'list') {
    if (rest.length > 0) throw new UsageError(`tags takes no arguments, got '${rest[0]}'`);
    await withLibrary(values.library, io, true, async (library) => {
      const tags = library.listTags();
      io.stdout.write(values.json ? `${JSON.stringify(tags)}\n` : formatTags(tags));
    });
    return;
  }
  if (action === 'rename' || action === 'delete') {
    const wanted = action === 'rename' ? 2 : 1;
    if (rest.length !== wanted) throw new UsageError(action === 'rename' ? 'tags rename takes OLD and NEW' : 'tags delete takes one TAG');
    await withLibrary(values.library, io, false, async (library) => {
      const bar = progressBar(io.stderr, action === 'rename' ? 'Renaming' : 'Deleting');
      const summary = await (action === 'rename' ? library.renameTag(rest[0]!, rest[1]!, bar.update) : library.deleteTag(rest[0]!, bar.update)).finally(bar.done);
      const { canUndo: _canUndo, ...shown } = summary;
      io.stdout.write(values.json ? `${JSON.stringify(shown)}\n` : `${summary.message}\n`);
    });
    return;
  }
  throw new UsageError(`tags takes list, rename or delete, not '${action}'`);
}

/** Tags in name order, so that a branch reads together, each with its count. */
function formatTags(tags: TagCount[]): string {
  if (tags.length === 0) return 'No tags\n';
  const width = Math.max(...tags.map((entry) => String(entry.count).length));
  return [...tags]
    .sort((a, b) => a.tag.localeCompare(b.tag))
    .map((entry) => `${String(entry.count).padStart(width)}  ${entry.tag}${entry.colour ? `  ${entry.colour}` : ''}\n`)
    .join('');
}
