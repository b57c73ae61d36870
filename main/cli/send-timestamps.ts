/**
 * After a command that captured (`add`, `recapture`): sends the waiting timestamp requests to
 * the TSA given with --tsa or chosen for the library, and says in one line how it went. The
 * captures are stored whatever happens here; an unreachable TSA leaves them waiting.
 */
import type { Library } from '../core/library';
import type { CliIo } from './cli-kit';

/** Sends waiting timestamps when a TSA is given or chosen; quiet when neither. */
export async function sendTimestamps(library: Library, io: CliIo, tsa: string | undefined): Promise<void> {
  const status = await library.evidenceStatus();
  if (!tsa && !status.tsa) return;
  if (status.waiting === 0) return;
  const result = await library.timestampWaiting({ tsa });
  if (result.error) io.stderr.write(`cuttings: ${result.waiting} capture${result.waiting === 1 ? ' waits' : 's wait'} for a timestamp: ${result.error}\n`);
  else if (result.untrusted) io.stderr.write(`cuttings: ${result.untrusted}\n`);
}
