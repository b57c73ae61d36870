/**
 * `cuttings add` with any number of inputs: web addresses (fetched), files of every kind
 * Cuttings reads, or standard input. Each goes through the library's duplicate check; what
 * to do with a duplicate is the user's choice (`--on-duplicate`), skipping by default with a
 * notice. One input's failure does not stop the others. With several inputs and a terminal,
 * a progress bar shows on stderr. Every capture is signed; with a TSA (--tsa, or the
 * library's), the timestamps are asked for at the end.
 */
import type { AddOptions, DuplicateAction, DuplicateMatch } from '../../../common/api';
import { CuttingsError } from '../../../common/errors';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeText } from '../../core/capture/decode-text';
import { readArticleFile } from '../../core/capture/read-article-file';
import { isScanFileName, scanFilesToItem, type ScanAddOptions } from '../../core/capture/scan-item';
import { libraryOcrDefaults, parseOcrLanguages } from '../../core/ocr/ocr-languages';
import { looksLikeHtml, MAX_CLIP_BYTES } from '../../core/clip/input-checks';
import { fetchForClipping } from '../../core/fetch/clip-url';
import type { BatchItem, Library } from '../../core/library';
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';
import { progressBar } from '../progress';
import { sendTimestamps } from '../send-timestamps';

/** Runs `cuttings add`; resolves to the exit status (see addInputs). */
export async function addCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    stdin: { type: 'boolean' },
    title: { type: 'string' },
    url: { type: 'string' },
    source: { type: 'string' },
    published: { type: 'string' },
    tag: { type: 'string', multiple: true },
    'on-duplicate': { type: 'string' },
    tsa: { type: 'string' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
    'as-one': { type: 'boolean' },
    page: { type: 'string' },
    section: { type: 'string' },
  });
  if (values['as-one'] && positionals.length < 2) throw new UsageError('--as-one joins several scans into one cutting: give two or more images');
  if (values['as-one'] && positionals.some(isUrlArgument)) throw new UsageError('--as-one joins scans (image files), not web addresses');
  if (values.stdin && positionals.length > 0) throw new UsageError('give FILEs or URLs, or --stdin, not both');
  if (!values.stdin && positionals.length === 0) throw new UsageError('add takes a FILE or URL (several if you like), or --stdin');
  if (positionals.length > 1 && (values.title !== undefined || values.url !== undefined)) {
    throw new UsageError('--title and --url describe one article; give one FILE or URL with them');
  }
  if (values.url !== undefined && positionals.some(isUrlArgument)) {
    throw new UsageError('--url is for files and --stdin; a fetched page keeps its own address');
  }
  const onDuplicate = values['on-duplicate'] ?? 'skip';
  if (onDuplicate !== 'skip' && onDuplicate !== 'keep' && onDuplicate !== 'version') {
    throw new UsageError(`--on-duplicate must be skip, keep or version, not '${onDuplicate}'`);
  }
  const options = {
    title: values.title,
    url: values.url,
    source: values.source,
    published: values.published,
    tags: values.tag ?? [],
  };
  const stdin = values.stdin ? await readStdin(io) : null;
  const languages = values.lang !== undefined ? parseOcrLanguages(values.lang) : null;
  let status = 0;
  await withLibrary(values.library, io, false, async (library) => {
    const scan: ScanAddOptions = {
      // The languages given, else the system's and the library's (ocr-languages.ts).
      languages: languages ?? libraryOcrDefaults(library),
      ...(values.page ? { printPage: values.page } : {}),
      ...(values.section ? { section: values.section } : {}),
      onProgress: io.stderr.isTTY ? (progress) => io.stderr.write(`\rcuttings: recognising ${progress.file}, page ${progress.page} of ${progress.pages}\u001b[K`) : undefined,
    };
    const inputs: (string | BatchItem | string[])[] = stdin
      ? [
          {
            kind: stdin.kind,
            request: stdin.kind === 'html' ? { ...options, html: stdin.content } : { ...options, text: stdin.content },
            original: stdin.original,
            method: 'stdin',
          },
        ]
      : values['as-one']
        ? [positionals]
        : positionals;
    status = await addInputs(library, inputs, { metadata: options, onDuplicate, json: values.json ?? false, scan }, io);
    await sendTimestamps(library, io, values.tsa);
  });
  return status;
}

/** Exit status when nothing failed but a duplicate was skipped. */
export const EXIT_SKIPPED_DUPLICATE = 3;

/** True if a command-line argument is a web address rather than a file path. */
export function isUrlArgument(argument: string): boolean {
  // A scheme followed by "//": `https://…`, but also `ftp://…`, which is refused by name.
  return /^[a-z][a-z0-9+.-]*:\/\//iu.test(argument);
}

/** What the add command was told. */
interface AddInputsOptions {
  metadata: Omit<AddOptions, 'fileName'>;
  /** How scans are recognised. */
  scan: ScanAddOptions;
  onDuplicate: DuplicateAction;
  json: boolean;
}

/**
 * Adds each input in order and returns the exit status: 1 if any failed, else
 * {@link EXIT_SKIPPED_DUPLICATE} if any was skipped as a duplicate, else 0.
 */
async function addInputs(library: Library, inputs: (string | BatchItem | string[])[], options: AddInputsOptions, io: CliIo): Promise<number> {
  const bar = inputs.length > 1 ? progressBar(io.stderr, 'Adding') : null;
  let failed = 0;
  let skipped = 0;
  try {
    for (const [index, input] of inputs.entries()) {
      const name = typeof input === 'string' ? input : Array.isArray(input) ? input.join(' + ') : 'standard input';
      try {
        const item = typeof input === 'string' ? await toItem(input, options.metadata, options.scan) : Array.isArray(input) ? await scanFiles(input, options) : input;
        if (io.stderr.isTTY && item.scan) io.stderr.write('\r\u001b[K');
        const outcome = await library.addChecked(item, options.onDuplicate);
        if (item.scan && outcome.status === 'added') reportGuesses(name, item, options.metadata, io);
        if (outcome.status === 'duplicate') {
          skipped++;
          bar?.done();
          io.stderr.write(`cuttings: skipped ${name}: ${describe(outcome.duplicate)}; store it anyway with --on-duplicate keep or --on-duplicate version\n`);
          if (options.json) io.stdout.write(`${JSON.stringify({ input: name, skipped: true, duplicate: outcome.duplicate })}\n`);
        } else {
          if (outcome.duplicate) {
            bar?.done();
            const kept = outcome.versionOf ? `stored as a new version of ${outcome.versionOf}` : 'stored beside it';
            io.stderr.write(`cuttings: ${name}: ${describe(outcome.duplicate)}; ${kept}\n`);
          }
          io.stdout.write(options.json ? `${JSON.stringify(outcome.article)}\n` : `${outcome.article.id}\n`);
        }
      } catch (error) {
        if (!(error instanceof CuttingsError)) throw error;
        failed++;
        bar?.done();
        io.stderr.write(`cuttings: ${error.message}\n`);
      }
      bar?.update(index + 1, inputs.length);
    }
  } finally {
    bar?.done();
  }
  if (inputs.length > 1 && (failed > 0 || skipped > 0)) {
    io.stderr.write(`cuttings: ${inputs.length - failed - skipped} of ${inputs.length} added; ${skipped} skipped as duplicates; ${failed} failed\n`);
  }
  return failed > 0 ? 1 : skipped > 0 ? EXIT_SKIPPED_DUPLICATE : 0;
}

/** A URL is fetched; anything else is read as a file (a scan is recognised). */
async function toItem(input: string, metadata: AddInputsOptions['metadata'], scan: ScanAddOptions): Promise<BatchItem> {
  if (isUrlArgument(input)) return fetchForClipping({ ...metadata, url: input });
  return readArticleFile(input, metadata, scan);
}

/** Several scans read and recognised as one cutting (`--as-one`). */
async function scanFiles(paths: string[], options: AddInputsOptions): Promise<BatchItem> {
  const files = [];
  for (const path of paths) {
    if (!isScanFileName(path)) throw new CuttingsError('invalid-input', `add: --as-one joins images (.jpg, .jpeg, .png, .tif, .tiff, .webp); ${path} is not one`);
    try {
      files.push({ name: basename(path), bytes: await readFile(path) });
    } catch (error) {
      throw new CuttingsError('invalid-input', `add: cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
  }
  return scanFilesToItem(files, options.metadata, options.scan);
}

/** Tells the user which of a scan's title and date were guessed from its text, for them to check. */
function reportGuesses(name: string, item: BatchItem, metadata: AddInputsOptions['metadata'], io: CliIo): void {
  const guessed = item.scan!.stored.guessed;
  const parts = [
    ...(metadata.title === undefined && guessed.title ? [`headline "${guessed.title}" (--title to set it)`] : []),
    ...(metadata.published === undefined && guessed.published ? [`date ${guessed.published} (--published to set it)`] : []),
  ];
  if (parts.length > 0) io.stderr.write(`cuttings: ${name}: guessed from the text: ${parts.join(', ')}\n`);
}


function describe(duplicate: DuplicateMatch): string {
  return `it duplicates ${duplicate.id} ("${duplicate.title}"), ${duplicate.detail}`;
}

interface ArticleInput {
  kind: 'text' | 'html';
  content: string;
  /** The bytes as they came, kept as the capture's original. */
  original: Buffer;
  method: 'stdin';
}

/** Standard input as one article: HTML if it looks like a page, else plain text. */
async function readStdin(io: CliIo): Promise<ArticleInput> {
  if (io.stdin.isTTY) throw new UsageError('--stdin reads from a pipe or a file: cuttings add --stdin < article.txt');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += buffer.length;
    if (size > MAX_CLIP_BYTES) {
      throw new CuttingsError('bad-content', `add: standard input is larger than ${megabytes(MAX_CLIP_BYTES)}, the most Cuttings clips`);
    }
    chunks.push(buffer);
  }
  const original = Buffer.concat(chunks);
  // Decoded as a file of the same kind would be: a page by its declared charset, text as UTF-8
  // when it is valid UTF-8, else windows-1252.
  const text = decodeText(original, null, false);
  if (text.trim().length === 0) throw new CuttingsError('invalid-input', 'add: nothing on standard input');
  const html = looksLikeHtml(text);
  return { kind: html ? 'html' : 'text', content: html ? decodeText(original) : text, original, method: 'stdin' };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
