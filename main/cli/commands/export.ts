/**
 * `cuttings export --format F [--query Q | --tag T | ID…] -o PATH`: writes the chosen
 * articles (every article when none is chosen) in one of EXPORT_FORMATS, and records the export
 * in the custody log. It works while the app has the library open (reading only, then, and
 * saying the custody log does not record it). Ctrl-C cancels and leaves nothing at PATH.
 */
import { CuttingsError } from '../../../common/errors';
import { exportArticles, parseExportFormat, type ExportFormat } from '../../core/export';
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';
import { progressBar } from '../progress';

/** Runs `cuttings export`. */
export async function exportCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    query: { type: 'string' },
    tag: { type: 'string' },
    text: { type: 'boolean' },
    bom: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (values.format === undefined) throw new UsageError('export needs --format F (archive, json, jsonl, csv, md, html, bibtex, ris, csl, datapackage, warc or wacz)');
  if (values.output === undefined) throw new UsageError('export needs -o PATH, where to write');
  let format: ExportFormat;
  try {
    format = parseExportFormat(values.format);
  } catch (error) {
    throw new UsageError((error as CuttingsError).message.slice('export: '.length));
  }
  const chosen = [values.query !== undefined, values.tag !== undefined, positionals.length > 0].filter(Boolean).length;
  if (chosen > 1) throw new UsageError('choose articles by one of --query Q, --tag T or IDs, not several');
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  try {
    await withLibrary(values.library, io, 'if-free', async (library) => {
      const bar = progressBar(io.stderr, 'Exporting');
      const started = Date.now();
      const count = await exportArticles(
        library,
        format,
        { query: values.query, tag: values.tag, ids: positionals },
        values.output!,
        { text: values.text, bom: values.bom, onProgress: bar.update, signal: controller.signal },
      ).finally(bar.done);
      const seconds = (Date.now() - started) / 1000;
      io.stdout.write(
        values.json
          ? `${JSON.stringify({ format, articles: count, path: values.output, seconds })}\n`
          : `Exported ${count} article${count === 1 ? '' : 's'} as ${format} to ${values.output} in ${seconds.toFixed(1)} s\n`,
      );
    });
  } finally {
    process.off('SIGINT', cancel);
  }
}
