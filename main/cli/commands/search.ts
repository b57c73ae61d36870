/**
 * `cuttings search QUERY`, `--batch FILE` (one JSON line a query) and `--saved NAME`; `--save
 * NAME` keeps the query. Searching only reads the library (saving writes), so it works while
 * the app has it open.
 */
import { readFile } from 'node:fs/promises';
import { CuttingsError } from '../../../common/errors';
import { parse, UsageError, withLibrary, type CliIo } from '../cli-kit';
import { describeFsError } from '../fs-errors';

/** Runs `cuttings search`. */
export async function searchCommand(args: string[], io: CliIo): Promise<void> {
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
}

/** Reads a --batch file: one query a line, blank lines skipped. */
async function readBatch(path: string): Promise<string[]> {
  try {
    return (await readFile(path, 'utf8')).split(/\r?\n/u).filter((line) => line.trim() !== '');
  } catch (error) {
    throw new CuttingsError('invalid-input', `search: cannot read ${path}: ${describeFsError(error)}`);
  }
}
