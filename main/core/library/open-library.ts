/**
 * Opening and closing a library: the write lock, the format file and its migrations, the
 * catalog (repairing damaged shards from the backups), the daily backup, the library-level
 * files (saved searches, tag colours and rules) and the worker threads.
 *
 * On disk (see DESIGN.md §3 and README "Where the library lives"):
 *   cuttings.json                  format name and version; migrations run from it
 *   catalog/<first id>.json        the catalog, in shards by range of ids (storage/shard-ranges.ts)
 *   articles/<XY>/<id>.capture     what was captured, never rewritten, by the id's last two characters (storage/captures.ts)
 *   index/search.bin               the search index snapshot: derived, rebuildable
 *   backups/<YYYY-MM-DD>/          daily copies of the catalog (storage/backups.ts)
 *   journal/                       every catalog change since the oldest backup (storage/catalog-journal.ts)
 *   quarantine/<time>/             damaged files, moved aside, never deleted
 *   evidence/                      signing keys' public halves, the custody log, timestamps
 *                                  (evidence/library-evidence.ts)
 *   lock                           held by the one process that writes
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import { ClipWorker } from '../clip/clip-worker-client';
import { ScanRecogniser } from '../ocr/scan-recogniser';
import { LibraryEvidence, type EvidenceOptions } from '../evidence/library-evidence';
import { TagColours } from '../organise/tag-colours';
import { TagRules } from '../organise/tag-rules';
import { SavedSearches } from '../search/saved-searches';
import { InProcessSearchEngine, type SearchEngine } from '../search/search-engine';
import { SearchService } from '../search/search-service';
import { WorkerSearchEngine } from '../search/worker-search-engine';
import { listBackups, makeDailyBackup } from '../storage/backups';
import { Catalog } from '../storage/catalog';
import { CatalogJournal, readJournal } from '../storage/catalog-journal';
import { catalogSummaryPath } from '../storage/catalog-summary';
import { acquireLibraryLock, type LibraryLock } from '../storage/library-lock';
import { migrateLibrary } from '../storage/migrations';
import { repairShard } from '../storage/shard-repair';
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
   * Read-only, a library that does not exist yet (no folder, or an empty one) opens as an
   * empty library with a notice saying so, rather than failing: what `cuttings list` finds
   * on a fresh install. Nothing is created. A folder holding other things still fails.
   */
  emptyIfMissing?: boolean;
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
  /** The OCR worker script (dist/main/core/ocr-worker.js): scans are recognised there; in this thread when absent. */
  ocrWorker?: string;
  /** The export worker script (dist/main/core/export-worker.js): a long JSON Lines export shares its work with it. */
  exportWorker?: string;
  /**
   * While the index loads, answer searches from titles at once (results say `titlesOnly`)
   * instead of waiting: the app does, so that a window is never left waiting at start-up.
   */
  titlesWhileLoading?: boolean;
  /**
   * Once open, read in the background the catalog shards its summary stood for, a few at a
   * time, so that what needs every record (titles searched while the index loads, the first
   * clip's duplicate index, an export of the whole library) finds them read: the app does. A
   * one-shot command reads only the shards it asks for.
   */
  readCatalogInBackground?: boolean;
  /**
   * Start loading the search index in its worker as soon as the catalog is read, rather than
   * when search is first asked for: the app does, as it searches as soon as a window opens.
   */
  loadSearchAtOpen?: boolean;
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
  /** The export worker script, if any. */
  exportWorker?: string;
  /** Clips the items of large batches in a thread of its own; null clips in this one. */
  clipWorker: ClipWorker | null;
  /** Recognises scans (in the OCR worker when one was given). */
  scans: ScanRecogniser;
  /** Held by a writer until close; null when read-only or closed. */
  lock: LibraryLock | null;
  /** The catalog's journal, appended to by a writer; null when read-only. */
  journal: CatalogJournal | null;
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
  let journal: CatalogJournal | null = null;
  let engine: SearchEngine | null = null;
  /** Articles a repair put back from their captures (their adds had not finished). */
  const recovered: string[] = [];
  try {
    const format = await readLibraryFormat(root);
    if (readOnly) {
      if (format === null && options.emptyIfMissing && (await isMissingOrEmpty(root))) {
        notices.push(`library: there is no library at ${root} yet, so it is empty (the first \`cuttings add\` or \`cuttings import\` creates it)`);
      } else if (format === null) throw new CuttingsError('library', `library: there is no Cuttings library at ${root}`);
      else if (format.version < LIBRARY_FORMAT_VERSION) {
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

    const { catalog, damaged } = await Catalog.load(join(root, 'catalog'), { summary: catalogSummaryPath(root) });
    // The index loads in its worker while the rest of opening goes on (the journal, today's
    // backup, saved searches) and then the window starts; not beside the catalog's own read,
    // whose slices of this thread the worker on the other core stretched (the longest from 41
    // to 79 ms at 100,000 articles with no summary to open by). Closed if opening fails.
    if (options.loadSearchAtOpen) {
      engine = makeSearchEngine(options);
      void engine.preload(root).catch(() => undefined);
    }
    if (readOnly) {
      for (const shard of damaged) {
        notices.push(`library: ${shard.path} is damaged (${shard.reason}); its articles are hidden until the library is opened for writing, which repairs it`);
      }
    } else {
      // The writer journals every catalog change; a damaged shard is rebuilt from its backup,
      // the journal and the captures.
      journal = await CatalogJournal.open(root);
      await catalog.useJournal(journal);
      const reading = damaged.length > 0 ? await readJournal(root) : undefined;
      for (const shard of damaged) notices.push(await repairShard(root, catalog, shard.shard, reading, (id) => recovered.push(id)));
      await backUpAndTrimJournal(root, journal).catch((error: unknown) => {
        notices.push(`library: could not make today's backup (${(error as Error).message})`);
      });
    }
    const { saved, notice } = await SavedSearches.open(root, readOnly);
    if (notice) notices.push(notice);
    const { colours, notice: coloursNotice } = await TagColours.open(root, readOnly);
    const { rules, notice: rulesNotice } = await TagRules.open(root, readOnly);
    for (const organiseNotice of [coloursNotice, rulesNotice]) if (organiseNotice) notices.push(organiseNotice);
    // Last, so that nothing after it can fail and leave a worker thread running.
    engine ??= makeSearchEngine(options);
    const clipWorker = options.clipWorker && !readOnly ? new ClipWorker(options.clipWorker) : null;
    const evidence = new LibraryEvidence(root, readOnly, options.evidence);
    // Articles a repair put back from their captures get the custody entry their add may not
    // have written; a key that cannot be used is said, and the library still opens.
    await evidence.recordRecovered(recovered).catch((error: unknown) => {
      notices.push(`library: could not record in the custody log the ${recovered.length} article(s) recovered from their captures (${(error as Error).message})`);
    });
    const context = new LibraryContext(root, readOnly, catalog, new SearchService(root, engine, catalog), evidence);
    const scans = new ScanRecogniser(options.ocrWorker && !readOnly ? options.ocrWorker : undefined);
    // A shard that cannot be read is named when it is asked for, and repaired at the next open.
    if (options.readCatalogInBackground) void catalog.loadAll().catch(() => undefined);
    return { context, notices, saved, colours, rules, titlesWhileLoading: options.titlesWhileLoading ?? false, ...(options.exportWorker ? { exportWorker: options.exportWorker } : {}), clipWorker, scans, lock, journal };
  } catch (error) {
    await engine?.close().catch(() => undefined);
    await journal?.close();
    await lock?.release();
    throw asLibraryError(error, `cannot open ${root}`);
  }
}

/** The search engine: in its worker when the script is given, in this thread otherwise. */
function makeSearchEngine(options: OpenOptions): SearchEngine {
  return options.searchWorker ? new WorkerSearchEngine(options.searchWorker) : new InProcessSearchEngine();
}

/** Saves the search index if it changed, stops the worker threads and releases the write lock. */
export async function closeLibrary(opened: OpenedLibrary): Promise<void> {
  try {
    if (!opened.context.readOnly) {
      await opened.context.search.saveIfChanged();
      // Derived data, as the search snapshot: without it the next open reads every shard.
      await opened.context.catalog.saveSummary().catch(() => undefined);
      await opened.context.duplicates.save().catch(() => undefined);
    }
  } finally {
    await opened.context.catalog.close();
    await opened.context.search.close();
    await opened.context.evidence.close();
    await opened.clipWorker?.close();
    await opened.scans.close();
    await opened.journal?.close();
    await opened.lock?.release();
    opened.lock = null;
  }
}

/**
 * Makes today's backup if there is none yet; with a new backup the journal starts a new
 * segment, and the segments every kept backup already holds are deleted.
 */
async function backUpAndTrimJournal(root: string, journal: CatalogJournal): Promise<void> {
  const made = await makeDailyBackup(root);
  if (made === null) return;
  await journal.rotate(made);
  const oldest = (await listBackups(root)).at(-1);
  if (oldest) await journal.trim(oldest);
}

/** True when nothing is at `path`, or an empty folder. */
async function isMissingOrEmpty(path: string): Promise<boolean> {
  try {
    return (await readdir(path)).length === 0;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

async function ensureFolder(path: string): Promise<void> {
  await mkdir(path, { recursive: true });
  const info = await stat(path);
  if (!info.isDirectory()) throw new CuttingsError('library', `library: ${path} is a file, not a folder`);
}
