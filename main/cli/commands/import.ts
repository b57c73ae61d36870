/**
 * `cuttings import PATH [--format F]`: adds the articles of a file or folder — a Cuttings
 * archive, our JSON/JSONL/CSV, Pocket's CSV, bookmark HTML, wallabag JSON, CSL-JSON, RIS, a
 * folder of saved pages, or the original JSON Lines — and prints a summary: imported,
 * skipped as duplicates, failed with reasons.
 */
import { CuttingsError } from '../../../common/errors';
import { importJsonl } from '../../core/import/import-jsonl';
import { detectImportFormat, importPath, parseImportFormat, type ImportReport } from '../../core/import';
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';
import { progressBar } from '../progress';

/** How many duplicates and failures are listed by name; the rest are counted. */
const LISTED = 50;

/** Runs `cuttings import`. */
export async function importCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, format: { type: 'string' }, fetch: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('import takes one PATH (a file, or a folder of saved pages)');
  const path = positionals[0]!;
  let format;
  try {
    format = values.format === undefined ? await detectImportFormat(path) : parseImportFormat(values.format);
  } catch (error) {
    if (values.format !== undefined && error instanceof CuttingsError && error.message.startsWith('import: unknown format')) throw new UsageError(error.message.slice('import: '.length));
    throw error;
  }
  await withLibrary(values.library, io, false, async (library) => {
    const bar = progressBar(io.stderr, 'Importing');
    const started = Date.now();
    if (format === 'jsonl-lines') {
      // The original JSON Lines import, as it always printed.
      const summary = await importJsonl(library, path, bar.update).finally(bar.done);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (values.json) {
        io.stdout.write(`${JSON.stringify(summary)}\n`);
        return;
      }
      io.stdout.write(`Imported ${summary.imported} article${plural(summary.imported)} in ${seconds} s; ${summary.failed.length} line${plural(summary.failed.length)} failed\n`);
      for (const failure of summary.failed.slice(0, LISTED)) io.stdout.write(`  line ${failure.line}: ${failure.message}\n`);
      if (summary.failed.length > LISTED) io.stdout.write(`  … and ${summary.failed.length - LISTED} more\n`);
      return;
    }
    const report = await importPath(library, path, { format, onProgress: bar.update, ...(values.fetch ? { fetch: {} } : {}) }).finally(bar.done);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReport(report, seconds));
  });
}

/** The summary as lines of text. */
export function formatReport(report: ImportReport, seconds: string): string {
  const urlOnly = report.urlOnly > 0 ? ` (${report.urlOnly} URL-only)` : '';
  const lines = [
    `Imported ${report.imported} article${plural(report.imported)}${urlOnly} from ${report.format} in ${seconds} s; ${report.duplicates.length} skipped as duplicate${plural(report.duplicates.length)}; ${report.failed.length} failed`,
  ];
  for (const duplicate of report.duplicates.slice(0, LISTED)) lines.push(`  duplicate: ${duplicate.item}: ${duplicate.reason}`);
  if (report.duplicates.length > LISTED) lines.push(`  … and ${report.duplicates.length - LISTED} more duplicates`);
  for (const failure of report.failed.slice(0, LISTED)) lines.push(`  failed: ${failure.item}: ${failure.message}`);
  if (report.failed.length > LISTED) lines.push(`  … and ${report.failed.length - LISTED} more failures`);
  for (const missed of report.unfetched.slice(0, LISTED)) lines.push(`  kept URL-only: ${missed.item}: ${missed.message}`);
  for (const note of report.notes ?? []) lines.push(`  note: ${note}`);
  if (report.unfetched.length > LISTED) lines.push(`  … and ${report.unfetched.length - LISTED} more kept URL-only`);
  return `${lines.join('\n')}\n`;
}

function plural(count: number): string {
  return count === 1 ? '' : 's';
}
