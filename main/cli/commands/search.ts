/**
 * `cuttings search QUERY`, `--batch FILE` (one JSON line a query) and `--saved NAME`; `--save
 * NAME` keeps the query. Searching only reads the library (saving writes), so it works while
 * the app has it open. `--limit N` takes any number and `--all` every match: the hits are
 * written a page at a time as they are built (Library.searchInPages), so a script can take a
 * whole library's worth; `--json` writes the same object whatever its size.
 */
import { readFile } from 'node:fs/promises';
import { CuttingsError } from '../../../common/errors';
import type { PagedResults } from '../../core/search/library-search';
import { parse, UsageError, withLibrary, writeOut, type CliIo } from '../cli-kit';
import { describeFsError } from '../fs-errors';

/** Runs `cuttings search`. */
export async function searchCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, {
    limit: { type: 'string' },
    all: { type: 'boolean' },
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
  if (values.all && values.limit !== undefined) throw new UsageError('give --limit N or --all, not both');
  const limit = values.all ? Infinity : values.limit === undefined ? 20 : Number(values.limit);
  if (!values.all && (!Number.isSafeInteger(limit) || limit < 1)) throw new UsageError(`--limit must be a whole number of 1 or more, not '${values.limit}'`);
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
        let results: PagedResults;
        try {
          results = await library.searchInPages(query, { limit, sort });
        } catch (error) {
          if (!(error instanceof CuttingsError)) throw error;
          await writeOut(io, `${JSON.stringify({ query, error: error.message })}\n`);
          continue;
        }
        await writeJson(io, results, `{"query":${JSON.stringify(query)},`);
      }
      return;
    }
    const results = await library.searchInPages(queries[0]!, { limit, sort });
    if (values.json) {
      await writeJson(io, results, '{');
      return;
    }
    await writeOut(io, `${results.total} ${results.total === 1 ? 'article' : 'articles'} found\n`);
    for await (const hits of results.pages) {
      await writeOut(io, hits.map((hit) => `\n${hit.id}  ${hit.title}\n    ${hit.snippet}\n`).join(''));
    }
  });
}

/**
 * Writes results as one JSON object, `{"total", "hits": [...], "facets"}` — the very text
 * JSON.stringify makes of them — with the hits a page at a time. `open` starts the object
 * (with `"query"` first in a --batch line).
 */
async function writeJson(io: CliIo, results: PagedResults, open: string): Promise<void> {
  await writeOut(io, `${open}"total":${results.total},"hits":[`);
  let first = true;
  for await (const hits of results.pages) {
    if (hits.length === 0) continue;
    await writeOut(io, `${first ? '' : ','}${hits.map((hit) => JSON.stringify(hit)).join(',')}`);
    first = false;
  }
  await writeOut(io, `],"facets":${JSON.stringify(results.facets)}}\n`);
}

/** Reads a --batch file: one query a line, blank lines skipped. */
async function readBatch(path: string): Promise<string[]> {
  try {
    return (await readFile(path, 'utf8')).split(/\r?\n/u).filter((line) => line.trim() !== '');
  } catch (error) {
    throw new CuttingsError('invalid-input', `search: cannot read ${path}: ${describeFsError(error)}`);
  }
}
