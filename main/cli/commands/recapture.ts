/**
 * `cuttings recapture ID`: fetches an article's address again and, when the text changed,
 * stores it as a new version and prints what changed word by word.
 */
import { formatWordDiff } from '../../../common/word-diff';
import { recapture } from '../../core/fetch/recapture';
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';
import { sendTimestamps } from '../send-timestamps';

/** Runs `cuttings recapture`. */
export async function recaptureCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, tsa: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('recapture takes one ID');
  await withLibrary(values.library, io, false, async (library) => {
    const result = await recapture(library, positionals[0]!);
    if (result.changed) await sendTimestamps(library, io, values.tsa);
    if (values.json) {
      io.stdout.write(
        `${JSON.stringify({ url: result.url, changed: result.changed, id: result.version?.id ?? null, versionOf: result.first.id, previous: result.previous.id, diff: result.diff })}
`,
      );
      return;
    }
    if (!result.changed) {
      io.stdout.write(`Unchanged since ${result.previous.clipped} (${result.previous.id}); nothing stored
`);
      return;
    }
    const lines = formatWordDiff(result.diff);
    io.stdout.write(`${result.version!.id}
Changed since ${result.previous.clipped} (${result.previous.id}); stored as a new version of ${result.first.id}
`);
    io.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : 'Only the spacing changed.\n');
  });
}
