/**
 * `--format wacz`: the selected cuttings as a WACZ 1.1.1 (main/core/archive/wacz-writer.ts)
 * that ReplayWeb.page opens as it is: the WARCs, the CDXJ index, one page per cutting and the
 * hashed data package, signed (WACZ Signing 0.1.0) with the user's key when the library can
 * sign. Streamed under a temporary name (output-file.ts); the index's sorted runs and the page
 * list wait in a hidden folder beside the target (not /tmp, which is often memory), removed
 * when done.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { WaczWriter, type PackageDigest, type WaczOptions, type WaczSummary } from '../archive/wacz-writer';
import { APP_VERSION } from '../storage/app-version';
import type { ArticleRecord } from '../storage/article-record';
import type { ArticleReader } from '../library/article-access';
import type { ExportOptions } from './export-options';
import { writeFileAtomically } from './output-file';
import { LibraryKeys } from '../evidence/library-keys';
import { readInOrder, readStoredCutting } from './read-articles';

/** How many cuttings are written between two progress reports. */
const PROGRESS_EVERY = 100;

/** What a WACZ export may add: a signer for datapackage-digest.json, a smaller WARC size for tests. */
export type WaczExportOptions = ExportOptions & Pick<WaczOptions, 'signDigest' | 'warcFileBytes'>;

/** Exports the records as a WACZ at `path`, oldest first. */
export async function exportWacz(library: ArticleReader, records: readonly ArticleRecord[], path: string, options: WaczExportOptions = {}): Promise<WaczSummary> {
  const created = options.now ?? new Date();
  const ordered = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const signDigest = options.signDigest ?? (library.signWacz ? (digest: PackageDigest) => library.signWacz!(digest, created) : undefined);
  const keys = await LibraryKeys.open(library.path);
  let summary: WaczSummary | null = null;
  const target = resolve(path);
  await writeFileAtomically(target, async (sink) => {
    const folder = await mkdtemp(join(dirname(target), `.${basename(target)}.work-`));
    const wacz = new WaczWriter(sink, folder, {
      created,
      title: `${ordered.length} ${ordered.length === 1 ? 'cutting' : 'cuttings'} from Cuttings`,
      description: `Exported from a Cuttings library on ${created.toISOString().slice(0, 10)}: each page is a cutting as it was captured, with its title, tags, note and provenance in a metadata record.`,
      software: `Cuttings ${APP_VERSION}`,
      // Signed with the user's WACZ key when the library can sign (evidence/wacz-signature.ts).
      ...(signDigest ? { signDigest } : {}),
      ...(options.warcFileBytes ? { warcFileBytes: options.warcFileBytes } : {}),
    });
    try {
      let done = 0;
      for await (const [, cutting] of readInOrder(ordered, (record) => readStoredCutting(library.path, record, keys), options.signal)) {
        await wacz.add(cutting);
        if (++done % PROGRESS_EVERY === 0) options.onProgress?.(done, ordered.length);
      }
      summary = await wacz.end();
      options.onProgress?.(ordered.length, ordered.length);
    } catch (error) {
      wacz.abort();
      throw error;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
  return summary!;
}
