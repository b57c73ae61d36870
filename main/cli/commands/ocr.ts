/**
 * `cuttings ocr ID`: recognises a scanned cutting again — in other languages, or with a newer
 * engine — from its files as received, and stores the text as a new version (the first
 * recognition is kept; captures are never rewritten). Unchanged text stores nothing.
 */
import { scanFilesToItem } from '../../core/capture/scan-item';
import { parseOcrLanguages } from '../../core/ocr/ocr-languages';
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';

/** Runs `cuttings ocr`. */
export async function ocrCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { lang: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('ocr takes one ID');
  await withLibrary(values.library, io, false, async (library) => {
    const id = positionals[0]!;
    const record = library.record(id);
    const { scan, files } = await library.scanOriginals(id);
    const languages = parseOcrLanguages(values.lang ?? scan.languages);
    const first = (await library.versions(id))[0]!;
    const item = await scanFilesToItem(
      files,
      { title: record.title, source: record.source ?? undefined, published: record.published?.slice(0, 10) ?? undefined, tags: record.tags },
      {
        languages,
        ...(scan.printPage ? { printPage: scan.printPage } : {}),
        ...(scan.section ? { section: scan.section } : {}),
        onProgress: io.stderr.isTTY ? (progress) => io.stderr.write(`\rcuttings: recognising ${progress.file}, page ${progress.page} of ${progress.pages}\u001b[K`) : undefined,
      },
    );
    if (io.stderr.isTTY) io.stderr.write('\r\u001b[K');
    item.provenance = { ...item.provenance, versionOf: first.id };
    const outcome = await library.addChecked(item, 'version');
    const stored = outcome.status === 'added' ? outcome.article.id : null;
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ id: stored, versionOf: first.id, changed: stored !== null, languages: languages.join('+') })}\n`);
      return;
    }
    io.stdout.write(stored ? `${stored}\nRecognised again (${languages.join('+')}); stored as a new version of ${first.id}\n` : `Recognised again (${languages.join('+')}): the same text as the latest version; nothing stored\n`);
  });
}
