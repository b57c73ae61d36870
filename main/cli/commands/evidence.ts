/**
 * `cuttings evidence ID -o REPORT.pdf [--bundle DIR]`: writes a cutting's evidence report (a
 * PDF: provenance, every hash, the signature and key, the timestamp decoded, the custody
 * entries, and the commands a third party checks it with) and, with --bundle, the files
 * those commands need. Prints the verdict; exit status 1 when the evidence does not hold.
 */
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';

/** Runs `cuttings evidence`; resolves to 1 when the report finds the evidence does not hold. */
export async function evidenceCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { output: { type: 'string', short: 'o' }, bundle: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('evidence takes one ID');
  if (values.output === undefined) throw new UsageError('evidence needs -o REPORT.pdf, where to write the report');
  let failed = false;
  await withLibrary(values.library, io, 'if-free', async (library) => {
    const verdict = await library.writeEvidenceReport(positionals[0]!, { pdf: values.output!, bundle: values.bundle });
    failed = verdict.level === 'failed';
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ id: positionals[0], report: values.output, bundle: values.bundle ?? null, ...verdict })}\n`);
      return;
    }
    const headline = { verified: 'verified', signed: 'signed and intact; its time is not proven', failed: 'NOT verified' }[verdict.level];
    io.stdout.write(`Wrote ${values.output}${values.bundle ? ` and the bundle in ${values.bundle}` : ''}: ${headline}\n`);
    for (const reason of verdict.reasons) io.stdout.write(`  ${reason}\n`);
  });
  return failed ? 1 : 0;
}
