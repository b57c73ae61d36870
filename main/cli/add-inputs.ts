/**
 * `cuttings add` with any number of inputs: web addresses (fetched), files of every kind
 * Cuttings reads, or standard input. Each goes through the library's duplicate check; what
 * to do with a duplicate is the user's choice (`--on-duplicate`), skipping by default with a
 * notice. One input's failure does not stop the others. With several inputs and a terminal,
 * a progress bar shows on stderr.
 */
import type { AddOptions, DuplicateAction, DuplicateMatch } from '../../common/api';
import { CuttingsError } from '../../common/errors';
import { readArticleFile } from '../core/capture/read-article-file';
import { fetchForClipping } from '../core/fetch/clip-url';
import type { BatchItem, Library } from '../core/library';
import type { CliIo } from './cuttings';
import { progressBar } from './progress';

/** Exit status when nothing failed but a duplicate was skipped. */
export const EXIT_SKIPPED_DUPLICATE = 3;

/** True if a command-line argument is a web address rather than a file path. */
export function isUrlArgument(argument: string): boolean {
  // A scheme followed by "//": `https://…`, but also `ftp://…`, which is refused by name.
  return /^[a-z][a-z0-9+.-]*:\/\//iu.test(argument);
}

/** What the add command was told. */
export interface AddInputsOptions {
  metadata: Omit<AddOptions, 'fileName'>;
  onDuplicate: DuplicateAction;
  json: boolean;
}

/**
 * Adds each input in order and returns the exit status: 1 if any failed, else
 * {@link EXIT_SKIPPED_DUPLICATE} if any was skipped as a duplicate, else 0.
 */
export async function addInputs(library: Library, inputs: (string | BatchItem)[], options: AddInputsOptions, io: CliIo): Promise<number> {
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
