/**
 * `cuttings verify`: checks every catalog file, stored hash and the search index; exit
 * status 1 when it finds a problem. It only reads, so it works while the app runs.
 */
import { verifyLibrary } from '../../core/library/verify';
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';
import { progressBar } from '../progress';

/** Runs `cuttings verify`; resolves to 1 when it found problems, else 0. */
export async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(`verify takes no arguments, got '${positionals[0]}'`);
  let problems = 0;
  await withLibrary(values.library, io, true, async (library) => {
    const bar = progressBar(io.stderr, 'Verifying');
    const report = await verifyLibrary(library, bar.update).finally(bar.done);
    problems = report.problems.length;
    if (values.json) {
      io.stdout.write(`${JSON.stringify(report)}\n`);
      return;
    }
    for (const problem of report.problems) io.stdout.write(`problem: ${problem}\n`);
    for (const note of report.notes) io.stdout.write(`note: ${note}\n`);
    io.stdout.write(
      problems === 0
        ? `${report.articles} article${report.articles === 1 ? '' : 's'} checked; no problems found\n`
        : `${report.articles} article${report.articles === 1 ? '' : 's'} checked; ${problems} problem${problems === 1 ? '' : 's'} found\n`,
    );
  });
  return problems === 0 ? 0 : 1;
}
