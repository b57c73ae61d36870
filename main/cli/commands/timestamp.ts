/**
 * `cuttings timestamp`: sends every capture waiting for a timestamp to the library's TSA (or
 * the one given with --tsa), checks each token and keeps it; chooses the library's TSA
 * (--choose URL, or none); trusts a TSA's root certificate for this library (--trust FILE);
 * lists public TSAs (--list).
 */
import { readFile } from 'node:fs/promises';
import { CuttingsError } from '../../../common/errors';
import { PUBLIC_TSAS } from '../../core/evidence/tsa-client';
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';

/** Runs `cuttings timestamp`; resolves to 1 when requests are left waiting because the TSA failed. */
export async function timestampCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    tsa: { type: 'string' },
    choose: { type: 'string' },
    trust: { type: 'string' },
    list: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`timestamp takes no arguments, got '${positionals[0]}'`);
  if (values.list) {
    for (const tsa of PUBLIC_TSAS) io.stdout.write(`${tsa.url}\t${tsa.name}\n`);
    return 0;
  }
  let status = 0;
  await withLibrary(values.library, io, false, async (library) => {
    if (values.trust !== undefined) {
      const pem = await readFile(values.trust, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new CuttingsError('invalid-input', `timestamp: cannot read ${values.trust}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
      });
      for (const subject of await library.trustTsaRoots(pem, values.trust)) io.stdout.write(`Trusted for timestamps in this library: ${subject}\n`);
    }
    if (values.choose !== undefined) {
      const chosen = await library.chooseTsa(values.choose === 'none' ? null : values.choose);
      io.stdout.write(chosen ? `This library's TSA is ${chosen}\n` : 'This library has no TSA: captures are not timestamped\n');
    }
    // Choosing a TSA sends what waits to it; trusting a root or choosing none sends nothing.
    const configuring = values.trust !== undefined || values.choose !== undefined;
    if (values.tsa === undefined && configuring && (values.choose === undefined || values.choose === 'none')) return;
    const result = await library.timestampWaiting({ tsa: values.tsa });
    if (values.json) io.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      io.stdout.write(`Timestamped ${result.stamped} capture${result.stamped === 1 ? '' : 's'}; ${result.waiting} wait${result.waiting === 1 ? 's' : ''}\n`);
      if (result.error) io.stderr.write(`cuttings: ${result.error}\n`);
      if (result.untrusted) io.stderr.write(`cuttings: ${result.untrusted}\n`);
    }
    if (result.error) status = 1;
  });
  return status;
}
