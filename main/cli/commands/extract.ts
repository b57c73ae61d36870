/**
 * `cuttings extract FILE [--url U] [--json]` and `cuttings extract --batch LIST`: what Cuttings
 * would store for a page (title, author, dates, site, language, canonical URL, text), without
 * storing it and without a library. For checking extraction on one page, or on many:
 * LIST holds lines `PATH<TAB>URL` (the URL may be left out) and each gives one JSON line, in
 * order, with `file` added; a line that fails gives `{"file", "error"}` and the run goes on.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { CuttingsError } from '../../../common/errors';
import { decodeText } from '../../core/capture/decode-text';
import { looksLikeHtml, MAX_CLIP_BYTES } from '../../core/clip/input-checks';
import type { ExtractedPage } from '../../core/clip/extract';
import { resolveHttpUrl } from '../../core/clip/urls';
import { fieldBlock } from '../field-block';
import { describeFsError } from '../fs-errors';

/** Where the command prints; the CLI's io object fits. */
export interface ExtractIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** What `extract` prints for one page: the fields the library would store. */
export type ExtractResult = Pick<ExtractedPage, 'title' | 'author' | 'published' | 'modified' | 'site' | 'lang' | 'canonical' | 'text'>;

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

/** Runs `cuttings extract` with its arguments (after the command name); resolves to the exit status. */
export async function extractCommand(args: string[], io: ExtractIo): Promise<number> {
  let values: { url?: string; json?: boolean; batch?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { url: { type: 'string' }, json: { type: 'boolean' }, batch: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }));
    if (values.batch !== undefined && (positionals.length > 0 || values.url !== undefined)) {
      throw new Error('--batch takes the files and URLs from LIST; give no FILE or --url with it');
    }
    if (values.batch === undefined && positionals.length !== 1) throw new Error('extract takes one FILE (or --batch LIST)');
  } catch (error) {
    io.stderr.write(`cuttings: ${(error as Error).message}\nRun 'cuttings extract --help' for usage.\n`);
    return 2;
  }

  if (values.batch !== undefined) return runBatch(values.batch, io);
  const result = await extractFile(positionals[0] as string, values.url);
  io.stdout.write(values.json ? `${JSON.stringify(result)}\n` : formatResult(result));
  return 0;
}

/** One JSON line per line of the list; exit status 1 if any line failed. */
async function runBatch(listPath: string, io: ExtractIo): Promise<number> {
  let list: string;
  try {
    list = await readFile(listPath, 'utf8');
  } catch (error) {
    throw new CuttingsError('invalid-input', `extract: cannot read ${listPath}: ${describeFsError(error)}`);
  }
  let failed = 0;
  const lines = list.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const fields = line.split('\t');
    const file = fields[0]?.trim() ?? '';
    try {
      if (fields.length > 2) throw new CuttingsError('invalid-input', `extract: line ${index + 1} of ${listPath} has ${fields.length} tab-separated fields; expected PATH<TAB>URL`);
      if (file === '') throw new CuttingsError('invalid-input', `extract: line ${index + 1} of ${listPath} has no PATH before its tab`);
      const url = fields[1]?.trim() || undefined;
      io.stdout.write(`${JSON.stringify({ file, ...(await extractFile(file, url)) })}\n`);
    } catch (error) {
      if (!(error instanceof CuttingsError)) throw error;
      failed++;
      io.stdout.write(`${JSON.stringify({ file, error: error.message })}\n`);
    }
  }
  if (failed > 0) io.stderr.write(`cuttings: extract: ${failed} of the lines in ${listPath} failed\n`);
  return failed > 0 ? 1 : 0;
}

/** Reads and extracts one file. Throws CuttingsError naming the file and what is wrong. */
export async function extractFile(path: string, url: string | undefined): Promise<ExtractResult> {
  if (url !== undefined && resolveHttpUrl(url) === null) {
    throw new CuttingsError('invalid-input', `extract: --url must be an http or https address, not '${url}'`);
  }
  const extension = extname(path).toLowerCase();
  if (extension !== '' && !TEXT_EXTENSIONS.has(extension) && !HTML_EXTENSIONS.has(extension)) {
    throw new CuttingsError('invalid-input', `extract: cannot extract ${path}: Cuttings reads .html, .htm, .txt and .md files`);
  }
  let content: string;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
    if (info.size > MAX_CLIP_BYTES) {
      throw new CuttingsError('bad-content', `extract: ${path} is larger than ${MAX_CLIP_BYTES / (1024 * 1024)} MB, the most Cuttings clips`);
    }
    // A page in the encoding it declares (ISO-8859-1 pages are common); other text as UTF-8, leniently.
    const bytes = await readFile(path);
    content = HTML_EXTENSIONS.has(extension) ? decodeText(bytes) : new TextDecoder('utf-8').decode(bytes);
  } catch (error) {
    if (error instanceof CuttingsError) throw error;
    throw new CuttingsError('invalid-input', `extract: cannot read ${path}: ${describeFsError(error)}`);
  }

  const isHtml = HTML_EXTENSIONS.has(extension) || (!TEXT_EXTENSIONS.has(extension) && looksLikeHtml(content));
  if (isHtml) {
    // Loaded here, not at the top: jsdom and linkedom take a while, and only extraction needs them.
    const { extractPage } = await import('../../core/clip/extract');
    const page = extractPage(content, { url, fileName: path });
    return {
      title: page.title,
      author: page.author,
      published: page.published,
      modified: page.modified,
      site: page.site,
      lang: page.lang,
      canonical: page.canonical,
      text: page.text,
    };
  }
  const { clipPlainText } = await import('../../core/clip/plain-text');
  const clipped = clipPlainText(content, { fileName: path });
  return {
    title: clipped.title,
    author: clipped.author,
    published: clipped.published,
    modified: null,
    site: clipped.source,
    lang: clipped.lang,
    canonical: url ?? null,
    text: clipped.text,
  };
}

function formatResult(result: ExtractResult): string {
  const block = fieldBlock(result.title, [
    ['Author:', result.author],
    ['Published:', result.published],
    ['Modified:', result.modified],
    ['Site:', result.site],
    ['Language:', result.lang],
    ['Canonical:', result.canonical],
  ]);
  return `${block}\n\n${result.text}\n`;
}
