/**
 * The organising commands: `cuttings tag --query Q` (and several IDs) to tag many
 * articles at once, `cuttings tags` to list, rename and delete tags, and `cuttings rules`
 * for tag rules. Listing and dry runs only read the library, so they work while the app
 * has it open. (Undo is the app's: a command's change cannot be undone by a later command,
 * as the undo stack lives as long as the library is open.)
 */
import type { TagCount } from '../../common/article';
import { parse, UsageError, withLibrary, type CliIo } from './cuttings';
import { progressBar } from './progress';

/** `cuttings tag --query Q --add T --remove T`, or `cuttings tag ID ID… --add T`: many articles at once. */
export async function bulkTagCommand(args: string[], io: CliIo): Promise<void> {
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

/** `cuttings rules list|add --query Q --tag T|remove N|apply [--dry-run] [--rule N]`. */
export async function rulesCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, {
    query: { type: 'string' },
    tag: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
    rule: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [action, ...rest] = positionals;
  const extra = (name: string) => {
    if (rest.length > 0) throw new UsageError(`rules ${name} takes no arguments, got '${rest[0]}'`);
  };
  switch (action) {
    case undefined:
    case 'list':
      extra('list');
      await withLibrary(values.library, io, true, async (library) => {
        const rules = library.tagRules();
        if (values.json) io.stdout.write(`${JSON.stringify(rules)}\n`);
        else if (rules.length === 0) io.stdout.write('No rules\n');
        else for (const rule of rules) io.stdout.write(`${rule.id}  ${rule.query}  →  ${rule.tags.join(', ')}\n`);
      });
      return;
    case 'add': {
      extra('add');
      if (values.query === undefined) throw new UsageError('rules add needs --query Q');
      if (!values.tag) throw new UsageError('rules add needs --tag T (repeatable)');
      await withLibrary(values.library, io, false, async (library) => {
        const rules = await library.addTagRule(values.query!, values.tag!);
        const added = rules.at(-1)!;
        io.stdout.write(values.json ? `${JSON.stringify(added)}\n` : `Added rule ${added.id}: ${added.query}  →  ${added.tags.join(', ')}\n`);
      });
      return;
    }
    case 'remove': {
      if (rest.length !== 1) throw new UsageError('rules remove takes one rule number N');
      const id = ruleNumber(rest[0]!);
      await withLibrary(values.library, io, false, async (library) => {
        await library.removeTagRule(id);
        io.stdout.write(`Removed rule ${id}\n`);
      });
      return;
    }
    case 'apply': {
      extra('apply');
      const dryRun = values['dry-run'] ?? false;
      const ruleId = values.rule === undefined ? undefined : ruleNumber(values.rule);
      // A dry run only reads.
      await withLibrary(values.library, io, dryRun, async (library) => {
        const bar = progressBar(io.stderr, 'Tagging');
        const summary = await library.applyTagRules({ dryRun, ...(ruleId === undefined ? {} : { ruleId }) }, bar.update).finally(bar.done);
        if (values.json) {
          io.stdout.write(`${JSON.stringify(summary)}\n`);
          return;
        }
        for (const { rule, matched, changed } of summary.rules) io.stdout.write(`rule ${rule.id}: ${matched} matched, ${changed} ${dryRun ? 'would change' : 'changed'}\n`);
        for (const change of summary.changes) io.stdout.write(`${change.id}  ${change.title}  +${change.add.join(', +')}\n`);
        if (summary.changed > summary.changes.length) io.stdout.write(`… and ${summary.changed - summary.changes.length} more\n`);
        io.stdout.write(`${summary.message}\n`);
      });
      return;
    }
    default:
      throw new UsageError(`rules takes list, add, remove or apply, not '${action}'`);
  }
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

function ruleNumber(text: string): number {
  const id = Number(text);
  if (!/^\d+$/u.test(text) || !Number.isSafeInteger(id)) throw new UsageError(`a rule number is a whole number, such as 3, not '${text}'`);
  return id;
}
