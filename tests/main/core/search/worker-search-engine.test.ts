import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SEED_ARTICLE } from '../../../paths';
import { useTempLibrary } from '../../../temp-library';

// The app runs the index in a worker thread built to dist/ (tests/global-setup.ts builds it).
const WORKER = join(REPO_ROOT, 'dist', 'main', 'core', 'search-worker.js');

const temp = useTempLibrary({ searchWorker: WORKER });

describe('the search index in a worker thread', () => {
  it('indexes, searches, saves its snapshot and loads it again', async () => {
    const { id } = await temp.library.addText({ text: await readFile(SEED_ARTICLE, 'utf8') });
    await temp.library.prepareSearch();
    await temp.library.addText({ text: 'Zürich notes\n\nThe bank in Zürich raised its rates.' });
    expect((await temp.library.search('lavrov')).hits.map((hit) => hit.id)).toEqual([id]);
    expect((await temp.library.search('zurich')).total).toBe(1);

    await temp.reopen();
    await temp.library.addText({ text: 'Geneva\n\nTalks in Geneva between the two collaborators.' });
    expect((await temp.library.search('geneva')).total).toBe(2);
    expect(await temp.library.reindex()).toBe(3);
  });
});

describe('the search index loaded while the catalog opens', () => {
  it('answers from the snapshot read beside the catalog, and catches up with what changed since it was saved', async () => {
    const { id } = await temp.library.addText({ text: await readFile(SEED_ARTICLE, 'utf8') });
    await temp.library.prepareSearch();
    await temp.reopen({ searchWorker: WORKER, loadSearchAtOpen: true });
    // Added before the index is asked for: the load that takes the preloaded snapshot catches up with it.
    const zurich = await temp.library.addText({ text: 'Zürich notes\n\nThe bank in Zürich raised its rates.' });
    expect((await temp.library.search('lavrov')).hits.map((hit) => hit.id)).toEqual([id]);
    expect((await temp.library.search('zurich')).hits.map((hit) => hit.id)).toEqual([zurich.id]);
    // A library opened so but never searched closes without leaving the worker or the file held.
    await temp.reopen({ searchWorker: WORKER, loadSearchAtOpen: true });
    await temp.reopen({ searchWorker: WORKER });
    expect((await temp.library.search('zurich')).total).toBe(1);
  });
});
