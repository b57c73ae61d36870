/**
 * The `cuttings` command line: parses arguments, opens the library, calls main/core and
 * prints. Exit status 0 on success, 1 when the input or the library is at fault (one line on
 * stderr naming what was wrong, never a stack trace), 2 for bad usage.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Article, ArticleSummary } from '../../common/article';
import { CuttingsError } from '../../common/errors';
import { formatWordDiff } from '../../common/word-diff';
import { APP_VERSION } from '../core/storage/app-version';
import { looksLikeHtml, MAX_CLIP_BYTES } from '../core/clip/input-checks';
import { recapture } from '../core/fetch/recapture';
import { Library, type BatchItem } from '../core/library';
import { resolveLibraryPath } from '../core/library/library-location';
import { verifyLibrary } from '../core/library/verify';
import { addInputs, isUrlArgument } from './add-inputs';
import { exportCommand } from './export-command';
import { importCommand } from './import-command';
import { formatAnnotations, noteCommand } from './note-command';
import { progressBar } from './progress';
import { bulkTagCommand, rulesCommand, tagsCommand } from './tags-command';
import { COMMAND_HELP, MAIN_HELP } from './usage';
import { fieldBlock } from './field-block';

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stdin: AsyncIterable<Uint8Array | string> & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** Bad usage: unknown command or option, missing argument. Exit status 2. */
export class UsageError extends Error {}

const libraryOption = { library: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...libraryOption, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Runs the CLI with `argv` (without `node cuttings`) and resolves to the exit status. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.stdout.write(`${MAIN_HELP}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
      io.stdout.write(`${APP_VERSION}\n`);
      return 0;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command '${command}'`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`${COMMAND_HELP[command]}\n`);
      return 0;
    }
    return (await run(rest, io)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`cuttings: ${error.message}\nRun 'cuttings ${command && COMMANDS[command] ? `${command} ` : ''}--help' for usage.\n`);
      return 2;
    }
    if (error instanceof CuttingsError) {
      io.stderr.write(`cuttings: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`cuttings: internal error: ${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}

/** A command; it may resolve to an exit status other than 0 (verify finding problems). */
export type Command = (args: string[], io: CliIo) => Promise<number | void>;

const COMMANDS: Record<string, Command> = {
  // Loaded on use: extraction brings in the HTML parsers.
  extract: async (args, io) => (await import('./extract-command')).runExtract(args, io),

  async add(args, io) {
    const { values, positionals } = parse(args, {
      stdin: { type: 'boolean' },
      title: { type: 'string' },
      url: { type: 'string' },
      source: { type: 'string' },
      published: { type: 'string' },
      tag: { type: 'string', multiple: true },
      'on-duplicate': { type: 'string' },
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
    });
    return status;
  },

  async recapture(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('recapture takes one ID');
    await withLibrary(values.library, io, false, async (library) => {
      const result = await recapture(library, positionals[0]!);
      if (values.json) {
        io.stdout.write(
          `${JSON.stringify({ url: result.url, changed: result.changed, id: result.version?.id ?? null, versionOf: result.first.id, previous: result.previous.id, diff: result.diff })}
`,
        );
        return;
      }
      if (!result.changed) {
        io.stdout.write(`Unchanged since ${result.previous.clipped} (${result.previous.id}); nothing stored
`);
        return;
      }
      const lines = formatWordDiff(result.diff);
      io.stdout.write(`${result.version!.id}
Changed since ${result.previous.clipped} (${result.previous.id}); stored as a new version of ${result.first.id}
`);
      io.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : 'Only the spacing changed.\n');
    });
  },

  async search(args, io) {
    const { values, positionals } = parse(args, {
      limit: { type: 'string' },
      sort: { type: 'string' },
      batch: { type: 'string' },
      saved: { type: 'string' },
      save: { type: 'string' },
      json: { type: 'boolean' },
    });
    const sources = [positionals.length > 0, values.batch !== undefined, values.saved !== undefined].filter(Boolean).length;
    if (sources > 1) throw new UsageError('give one of QUERY, --batch FILE or --saved NAME');
    if (sources === 0) throw new UsageError('search needs a QUERY (or --batch FILE, or --saved NAME)');
    if (values.save !== undefined && positionals.length === 0) throw new UsageError('--save NAME keeps the QUERY given with it');
    if (values.save !== undefined) {
      // Saving writes to the library, so it takes the write lock, unlike searching.
      await withLibrary(values.library, io, false, async (library) => {
        await library.saveSearch(values.save!, positionals.join(' '));
      });
    }
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError(`--limit must be a whole number from 1 to 500, not '${values.limit}'`);
    const sort = values.sort ?? 'relevance';
    if (sort !== 'relevance' && sort !== 'published' && sort !== 'clipped') {
      throw new UsageError(`--sort must be relevance, published or clipped, not '${sort}'`);
    }
    const queries = values.batch === undefined ? [positionals.join(' ')] : await readBatch(values.batch);
    await withLibrary(values.library, io, true, async (library) => {
      if (values.saved !== undefined) queries[0] = library.savedQuery(values.saved);
      if (values.batch !== undefined) {
        // One JSON line per query, in order; a query that fails gives {"query", "error"}.
        for (const query of queries) {
          try {
            io.stdout.write(`${JSON.stringify({ query, ...(await library.search(query, { limit, sort })) })}\n`);
          } catch (error) {
            if (!(error instanceof CuttingsError)) throw error;
            io.stdout.write(`${JSON.stringify({ query, error: error.message })}\n`);
          }
        }
        return;
      }
      const results = await library.search(queries[0]!, { limit, sort });
      if (values.json) {
        io.stdout.write(`${JSON.stringify(results)}\n`);
        return;
      }
      io.stdout.write(`${results.total} ${results.total === 1 ? 'article' : 'articles'} found\n`);
      for (const hit of results.hits) {
        io.stdout.write(`\n${hit.id}  ${hit.title}\n    ${hit.snippet}\n`);
      }
    });
  },

  async show(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('show takes one ID');
    await withLibrary(values.library, io, true, async (library) => {
      const article = await library.get(positionals[0]!);
      io.stdout.write(values.json ? `${JSON.stringify(withoutHtml(article))}\n` : formatArticle(article));
    });
  },

  async list(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } });
    if (positionals.length > 0) throw new UsageError(`list takes no arguments, got '${positionals[0]}'`);
    await withLibrary(values.library, io, true, async (library) => {
      const articles = library.list();
      if (values.json) {
        io.stdout.write(`${JSON.stringify(articles)}\n`);
        return;
      }
      for (const article of articles) io.stdout.write(formatRow(article));
    });
  },

  async tag(args, io) {
    // Many articles at once (--query Q, or several IDs): tags-command.ts.
    if (args.some((arg) => arg === '--query' || arg.startsWith('--query='))) return bulkTagCommand(args, io);
    const { values, positionals } = parse(args, {
      add: { type: 'string', multiple: true },
      remove: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    });
    if (positionals.length > 1) return bulkTagCommand(args, io);
    if (positionals.length !== 1) throw new UsageError('tag takes an ID (or several), or --query Q');
    if (!values.add && !values.remove) throw new UsageError('tag needs --add T or --remove T');
    const id = positionals[0]!;
    await withLibrary(values.library, io, false, async (library) => {
      const tags = await library.updateTags(id, values.add ?? [], values.remove ?? []);
      io.stdout.write(values.json ? `${JSON.stringify({ id, tags })}\n` : `${tags.join(', ') || '(no tags)'}\n`);
    });
  },

  // In their own modules (which import parse and withLibrary from here): called, not referenced, so the import cycle is harmless.
  import: (args, io) => importCommand(args, io),

  export: (args, io) => exportCommand(args, io),

  tags: (args, io) => tagsCommand(args, io),

  rules: (args, io) => rulesCommand(args, io),

  note: (args, io) => noteCommand(args, io),

  async verify(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } });
    if (positionals.length > 0) throw new UsageError(`verify takes no arguments, got '${positionals[0]}'`);
    let problems = 0;
    await withLibrary(values.library, io, true, async (library) => {
      const bar = progressBar(io.stderr, 'Verifying');
      const report = await verifyLibrary(library, bar.update).finally(bar.done);
      problems = report.problems.length;
      if (values.json) {
        io.stdout.write(`${JSON.stringify(report)}\n`);
        return;
      }
      for (const problem of report.problems) io.stdout.write(`problem: ${problem}\n`);
      for (const note of report.notes) io.stdout.write(`note: ${note}\n`);
      io.stdout.write(
        problems === 0
          ? `${report.articles} article${report.articles === 1 ? '' : 's'} checked; no problems found\n`
          : `${report.articles} article${report.articles === 1 ? '' : 's'} checked; ${problems} problem${problems === 1 ? '' : 's'} found\n`,
      );
    });
    return problems === 0 ? 0 : 1;
  },

  async reindex(args, io) {
    const { values, positionals } = parse(args, {});
    if (positionals.length > 0) throw new UsageError(`reindex takes no arguments, got '${positionals[0]}'`);
    await withLibrary(values.library, io, false, async (library) => {
      const bar = progressBar(io.stderr, 'Indexing');
      const count = await library.reindex(bar.update).finally(bar.done);
      io.stdout.write(`Indexed ${count} article${count === 1 ? '' : 's'}\n`);
    });
  },
};

/** The built search worker beside the built CLI; absent when the CLI runs from source (tests). */
const SEARCH_WORKER = fileURLToPath(new URL('../core/search-worker.js', import.meta.url));
const CLIP_WORKER = fileURLToPath(new URL('../core/clip-worker.js', import.meta.url));

export async function withLibrary(path: string | undefined, io: CliIo, readOnly: boolean, work: (library: Library) => Promise<void>) {
  // The workers exist once built (`npm run build`); run from source, the CLI works in one thread.
  const searchWorker = existsSync(SEARCH_WORKER) ? SEARCH_WORKER : undefined;
  const clipWorker = existsSync(CLIP_WORKER) ? CLIP_WORKER : undefined;
  const library = await Library.open(resolveLibraryPath(path, io.env), { readOnly, searchWorker, clipWorker });
  for (const notice of library.notices) io.stderr.write(`cuttings: ${notice}\n`);
  try {
    await work(library);
  } finally {
    await library.close();
  }
}

interface ArticleInput {
  kind: 'text' | 'html';
  content: string;
  method: 'stdin';
}

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

/** Reads a --batch file: one query a line, blank lines skipped. */
async function readBatch(path: string): Promise<string[]> {
  try {
    return (await readFile(path, 'utf8')).split(/\r?\n/u).filter((line) => line.trim() !== '');
  } catch (error) {
    throw new CuttingsError('invalid-input', `search: cannot read ${path}: ${describeFsError(error)}`);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return (error as Error).message;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function withoutHtml(article: Article): Omit<Article, 'html'> {
  const { html: _html, ...rest } = article;
  return rest;
}

function formatRow(article: ArticleSummary): string {
  const date = (article.published ?? article.clipped).slice(0, 10);
  const tags = article.tags.length > 0 ? `  [${article.tags.join(', ')}]` : '';
  return `${article.id}  ${date}  ${article.title}${tags}\n`;
}

function formatArticle(article: Article): string {
  const p = article.provenance;
  const block = fieldBlock(article.title, [
    ['Id:', article.id],
    ['Source:', article.source],
    ['Author:', article.author],
    ['Published:', article.published],
    ['Clipped:', article.clipped],
    ['URL:', article.url],
    ['Tags:', article.tags.join(', ')],
    ['Words:', String(article.words)],
    ['SHA-256:', `${p.originalSha256} (as received)`],
    ['Fetched:', p.originalUrl && `${p.originalUrl}${p.finalUrl && p.finalUrl !== p.originalUrl ? ` → ${p.finalUrl}` : ''}${p.httpStatus ? ` (HTTP ${p.httpStatus})` : ''}`],
    ['Version of:', p.versionOf],
  ]);
  return `${block}\n${formatAnnotations(article)}\n${article.text}\n`;
}

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}
