/** Notes and highlights reach the search index when it runs in its worker thread, as in the app. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../../main/core/library';
import { REPO_ROOT, SEED_ARTICLE } from '../../../paths';
import { useTempLibrary } from '../../../temp-library';

// Built to dist/ by tests/global-setup.ts.
const WORKER = join(REPO_ROOT, 'dist', 'main', 'core', 'search-worker.js');
const temp = useTempLibrary({ searchWorker: WORKER });

describe('notes in the search worker', () => {
  it('finds has:notes, has:highlights and words in notes, before and after a restart', async () => {
    const { id } = await temp.library.addText({ text: await readFile(SEED_ARTICLE, 'utf8') });
    await temp.library.prepareSearch();
    await temp.library.setNote(id, 'zeppelins');
    await temp.library.addHighlight({ id, quote: 'Lake Liman', comment: 'lighthouse' });
    expect((await temp.library.search('has:notes zeppelins')).total).toBe(1);
    expect((await temp.library.search('has:highlights lighthouse')).total).toBe(1);
    await temp.library.close();
    const reopened = await Library.open(join(temp.folder, 'library'), { searchWorker: WORKER });
    try {
      expect((await reopened.search('zeppelins lighthouse has:notes has:highlights')).total).toBe(1);
    } finally {
      await reopened.close();
    }
  });
});
