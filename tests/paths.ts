/** Paths the tests share: the repo root, the shared test data beside it, temporary libraries. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** ../shared beside the repository: corpora and fixtures nobody on the team wrote. */
export const SHARED = join(REPO_ROOT, '..', 'shared');
/** The pasted cutting every part of Cuttings must handle. */
export const SEED_ARTICLE = join(SHARED, 'fixtures', 'seed-article.txt');

/** Makes an empty temporary folder; the returned function removes it. */
export async function makeTempFolder(prefix = 'cuttings-test-'): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
