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
import { readArticleFile } from '../../core/capture/read-article-file';
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
  });
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
  let status = 0;
  await withLibrary(values.library, io, false, async (library) => {
    const inputs: (string | BatchItem)[] = stdin
      ? [{ kind: stdin.kind, request: stdin.kind === 'html' ? { ...options, html: stdin.content } : { ...options, text: stdin.content }, method: 'stdin' }]
      : positionals;
    status = await addInputs(library, inputs, { metadata: options, onDuplicate, json: values.json ?? false }, io);
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
  onDuplicate: DuplicateAction;
  json: boolean;
}

/**
 * Adds each input in order and returns the exit status: 1 if any failed, else
 * {@link EXIT_SKIPPED_DUPLICATE} if any was skipped as a duplicate, else 0.
 */
async function addInputs(library: Library, inputs: (string | BatchItem)[], options: AddInputsOptions, io: CliIo): Promise<number> {
  const bar = inputs.length > 1 ? progressBar(io.stderr, 'Adding') : null;
  let failed = 0;
  let skipped = 0;
  try {
    for (const [index, input] of inputs.entries()) {
      const name = typeof input === 'string' ? input : 'standard input';
      try {
        const item = typeof input === 'string' ? await toItem(input, options.metadata) : input;
        const outcome = await library.addChecked(item, options.onDuplicate);
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

/** A URL is fetched; anything else is read as a file. */
async function toItem(input: string, metadata: AddInputsOptions['metadata']): Promise<BatchItem> {
  if (isUrlArgument(input)) return fetchForClipping({ ...metadata, url: input });
  return readArticleFile(input, metadata);
}

function describe(duplicate: DuplicateMatch): string {
  return `it duplicates ${duplicate.id} ("${duplicate.title}"), ${duplicate.detail}`;
}

interface ArticleInput {
  kind: 'text' | 'html';
  content: string;
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
  const content = new TextDecoder('utf-8').decode(Buffer.concat(chunks));
  if (content.trim().length === 0) throw new CuttingsError('invalid-input', 'add: nothing on standard input');
  return { kind: looksLikeHtml(content) ? 'html' : 'text', content, method: 'stdin' };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
