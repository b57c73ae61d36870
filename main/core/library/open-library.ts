/**
 * Opening and closing a library: the write lock, the format file and its migrations, the
 * catalog (repairing damaged shards from the backups), the daily backup, the library-level
 * files (saved searches, tag colours and rules) and the worker threads.
 *
 * On disk (see DESIGN.md §3 and README "Where the library lives"):
 *   cuttings.json                  format name and version; migrations run from it
 *   catalog/<XY>.json              the catalog, sharded by the id's last two characters
 *   articles/<XY>/<id>/            what was captured, never rewritten (storage/captures.ts)
 *   index/search.bin               the search index snapshot: derived, rebuildable
 *   backups/<YYYY-MM-DD>/          daily copies of the catalog (storage/backups.ts)
 *   quarantine/<time>/             damaged files, moved aside, never deleted
 *   evidence/                      signing keys' public halves, the custody log, timestamps
 *                                  (evidence/library-evidence.ts)
 *   lock                           held by the one process that writes
 */
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import { ClipWorker } from '../clip/clip-worker-client';
import { LibraryEvidence, type EvidenceOptions } from '../evidence/library-evidence';
import { TagColours } from '../organise/tag-colours';
import { TagRules } from '../organise/tag-rules';
import { SavedSearches } from '../search/saved-searches';
import { InProcessSearchEngine } from '../search/search-engine';
import { SearchService } from '../search/search-service';
import { WorkerSearchEngine } from '../search/worker-search-engine';
import type { ArticleRecord } from '../storage/article-record';
import { makeDailyBackup, quarantineAndRestoreShard } from '../storage/backups';
import { listCaptureIds, readCapture } from '../storage/captures';
import { Catalog } from '../storage/catalog';
import { acquireLibraryLock, type LibraryLock } from '../storage/library-lock';
import { migrateLibrary } from '../storage/migrations';
import { LibraryContext } from './library-context';
import { asLibraryError } from './library-errors';
import { createLibraryFormat, LIBRARY_FORMAT_VERSION, readLibraryFormat, writeLibraryFormat } from './library-format';

/** Options for opening a library. */
export interface OpenOptions {
  /**
   * Open without taking the write lock, for commands that only read (search, show, list):
   * they work while another process writes. Writes are refused.
   */
  readOnly?: boolean;
  /**
   * The built search worker script (dist/…/search-worker.js): the index then lives in a
   * worker thread, so that loading and indexing never block this one. Without it the index
   * runs in this thread, which suits a one-shot command.
   */
  searchWorker?: string;
  /**
   * The built clip worker (dist/main/core/clip-worker.js): large batches (an import) are
   * clipped there while this thread writes. Without it they are clipped in this thread.
   */
  clipWorker?: string;
  /**
   * While the index loads, answer searches from titles at once (results say `titlesOnly`)
   * instead of waiting: the app does, so that a window is never left waiting at start-up.
   */
  titlesWhileLoading?: boolean;
  /**
   * Where the user's signing key is and whether timestamps are sent in the background
   * (evidence/library-evidence.ts). By default the key is the one in `$CUTTINGS_KEYS` or the
   * platform's config folder, and timestamps are sent only when asked.
   */
  evidence?: EvidenceOptions;
}

/** Everything opening a library set up, for Library to build its parts on and to close. */
export interface OpenedLibrary {
  context: LibraryContext;
  /** What opening the library did that the user should be told (repairs, upgrades). */
  notices: readonly string[];
  saved: SavedSearches;
  colours: TagColours;
  rules: TagRules;
  titlesWhileLoading: boolean;
  /** Clips the items of large batches in a thread of its own; null clips in this one. */
  clipWorker: ClipWorker | null;
  /** Held by a writer until close; null when read-only or closed. */
  lock: LibraryLock | null;
}

/**
 * Opens the library at `path`, creating it if the folder is empty or missing (unless
 * read-only), upgrading an older format and repairing damaged catalog shards from the
 * backups. Throws a CuttingsError naming the path when it cannot.
 */
export async function openLibrary(path: string, options: OpenOptions = {}): Promise<OpenedLibrary> {
  const root = resolve(path);
  const readOnly = options.readOnly ?? false;
  const notices: string[] = [];
  let lock: LibraryLock | null = null;
  try {
    const format = await readLibraryFormat(root);
    if (readOnly) {
      if (format === null) throw new CuttingsError('library', `library: there is no Cuttings library at ${root}`);
      if (format.version < LIBRARY_FORMAT_VERSION) {
        throw new CuttingsError(
          'library',
          `library: ${root} uses format version ${format.version}; open it once for writing (the app, or a command such as \`cuttings add\`) to upgrade it`,
        );
      }
    } else {
      await ensureFolder(root);
      lock = await acquireLibraryLock(root);
      // Read again under the lock: another writer may have upgraded it meanwhile.
      const current = await readLibraryFormat(root);
      if (current === null) {
        await createLibraryFormat(root);
      } else if (current.version < LIBRARY_FORMAT_VERSION) {
        const steps = await migrateLibrary(root, current.version, LIBRARY_FORMAT_VERSION, (version) =>
          writeLibraryFormat(root, { ...current, version }),
        );
        notices.push(...steps.map((step) => `library: upgraded ${root}: ${step}`));
      }
      await ensureFolder(join(root, 'catalog'));
      await ensureFolder(join(root, 'articles'));
    }

    const { catalog, damaged } = await Catalog.load(join(root, 'catalog'));
    for (const shard of damaged) {
      if (readOnly) {
        notices.push(`library: ${shard.path} is damaged (${shard.reason}); its articles are hidden until the library is opened for writing, which repairs it`);
        continue;
      }
      notices.push(await repairShard(root, catalog, shard.shard));
    }
    if (!readOnly) await makeDailyBackup(root).catch((error: unknown) => {
      notices.push(`library: could not make today's backup (${(error as Error).message})`);
    });
    const { saved, notice } = await SavedSearches.open(root, readOnly);
    if (notice) notices.push(notice);
    const { colours, notice: coloursNotice } = await TagColours.open(root, readOnly);
    const { rules, notice: rulesNotice } = await TagRules.open(root, readOnly);
    for (const organiseNotice of [coloursNotice, rulesNotice]) if (organiseNotice) notices.push(organiseNotice);
    // Last, so that nothing after it can fail and leave a worker thread running.
    const engine = options.searchWorker ? new WorkerSearchEngine(options.searchWorker) : new InProcessSearchEngine();
    const clipWorker = options.clipWorker && !readOnly ? new ClipWorker(options.clipWorker) : null;
    const context = new LibraryContext(root, readOnly, catalog, new SearchService(root, engine, catalog), new LibraryEvidence(root, readOnly, options.evidence));
    return { context, notices, saved, colours, rules, titlesWhileLoading: options.titlesWhileLoading ?? false, clipWorker, lock };
  } catch (error) {
    await lock?.release();
    throw asLibraryError(error, `cannot open ${root}`);
  }
}

/** Saves the search index if it changed, stops the worker threads and releases the write lock. */
export async function closeLibrary(opened: OpenedLibrary): Promise<void> {
  try {
    if (!opened.context.readOnly) await opened.context.search.saveIfChanged();
  } finally {
    await opened.context.search.close();
    await opened.context.evidence.close();
    await opened.clipWorker?.close();
    await opened.lock?.release();
    opened.lock = null;
  }
}

/**
 * Quarantines a damaged shard, restores the newest backup of it, and puts back any article
 * whose capture is on disk but which the restored shard does not name (added after the
 * backup). Returns the notice for the user.
 */
async function repairShard(root: string, catalog: Catalog, shard: string): Promise<string> {
  const restore = await quarantineAndRestoreShard(root, shard);
  await catalog.loadShard(shard).catch(() => undefined);
  const known = new Set(catalog.idsInShard(shard));
  const recovered = new Map<string, ArticleRecord>();
  for (const id of await listCaptureIds(root, [shard])) {
    if (known.has(id)) continue;
    const content = await readCapture(root, id).catch(() => null);
    if (content?.record) recovered.set(id, content.record);
  }
  if (recovered.size > 0) await catalog.apply(recovered);
  const from = restore.restoredFrom ? `restored from the backup of ${restore.restoredFrom}` : 'no backup of it could be read';
  const back = recovered.size > 0 ? `; ${recovered.size} article(s) added since were recovered from their captures (tags added since are lost)` : '';
  return `library: catalog shard ${shard} was damaged and moved to ${restore.quarantinedTo}; ${from}${back}`;
}

async function ensureFolder(path: string): Promise<void> {
  await mkdir(path, { recursive: true });
  const info = await stat(path);
  if (!info.isDirectory()) throw new CuttingsError('library', `library: ${path} is a file, not a folder`);
}
