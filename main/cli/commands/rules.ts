/**
 * `cuttings rules`: tag rules, "when an article matches this query, add these tags" — list,
 * add, remove, and apply them to the whole archive (a dry run first, if you like, which
 * only reads the library).
 */
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';
import { progressBar } from '../progress';

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

function ruleNumber(text: string): number {
  const id = Number(text);
  if (!/^\d+$/u.test(text) || !Number.isSafeInteger(id)) throw new UsageError(`a rule number is a whole number, such as 3, not '${text}'`);
  return id;
}
