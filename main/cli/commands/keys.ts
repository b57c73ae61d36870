/**
 * `cuttings keys`: the user's signing key (its fingerprint and the file it is kept in) and
 * every public key the library knows — the user's own and those of archives imported — so
 * that a fingerprint in a report can be matched to a person.
 */
import { formatFingerprint } from '../../core/evidence/signing-key';
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';

/** Runs `cuttings keys`. */
export async function keysCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(`keys takes no arguments, got '${positionals[0]}'`);
  await withLibrary(values.library, io, 'if-free', async (library) => {
    const status = await library.evidenceStatus();
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ signingKey: status.signingKey, keyError: status.keyError, keys: status.keys })}\n`);
      return;
    }
    if (status.signingKey) io.stdout.write(`Your signing key: ${formatFingerprint(status.signingKey.fingerprint)}\n  kept in ${status.signingKey.file}\n`);
    else io.stderr.write(`cuttings: ${status.keyError}\n`);
    io.stdout.write(status.keys.length === 0 ? 'The library knows no keys yet.\n' : 'Keys that signed in this library:\n');
    for (const key of status.keys) io.stdout.write(`  ${formatFingerprint(key.fingerprint)}  ${key.algorithm}  ${key.label}${key.own ? '  (yours)' : ''}\n`);
  });
}
