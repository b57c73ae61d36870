/**
 * Deleting a cutting. The custody log records it first, with the hashes the cutting had (its
 * manifest's, its original's and its text's), so the entry outlives the cutting; then the
 * catalog forgets it, the search index drops it, and its capture and timestamp are removed.
 * If the log cannot be written, nothing is deleted. A crash after the entry and before the
 * catalog leaves the cutting in place; `cuttings verify` says a deletion did not finish.
 */
import { rm } from 'node:fs/promises';
import { CuttingsError } from '../../../common/errors';
import { tokenPath } from '../evidence/timestamp-queue';
import { readCapture, removeCapture, type CapturedContent } from '../storage/captures';
import type { LibraryContext } from './library-context';
import { asLibraryError } from './library-errors';

/** The longest reason kept with a deletion. */
export const MAX_REASON = 1000;

/** Deletes one cutting (one capture: its other versions stay), recording why in the custody log. */
export async function deleteArticle(context: LibraryContext, id: string, reason: string): Promise<void> {
  context.assertWritable();
  const record = context.record(id);
  if (reason.length > MAX_REASON) throw new CuttingsError('invalid-input', `delete: the reason is longer than ${MAX_REASON} characters`);
  // A capture that cannot be read is still deleted: the catalog's hashes go in the log.
  const content: CapturedContent = await readCapture(context.root, id).catch(() => ({ id, text: '', html: '', extracted: {} as CapturedContent['extracted'] }));
  await context.evidence.recordDeletion([{ ...content, record }], reason.trim() === '' ? 'deleted by the user' : reason.trim());
  await context.commit(new Map([[id, null]]));
  context.search.removed([id]);
  try {
    await removeCapture(context.root, id);
    await rm(tokenPath(context.root, id), { force: true });
  } catch (error) {
    // The cutting is gone from the library; a file left behind is only space.
    throw asLibraryError(error, `deleted ${id}, but could not remove its files`);
  }
}
