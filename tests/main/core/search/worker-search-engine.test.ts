import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../../../main/core/library';
import { makeTempFolder, REPO_ROOT, SEED_ARTICLE } from '../../../paths';

// The app runs the index in a worker thread built to dist/ (tests/global-setup.ts builds it).
const WORKER = join(REPO_ROOT, 'dist', 'main', 'core', 'search-worker.js');

let folder: { path: string; remove: () => Promise<void> };
beforeAll(async () => (folder = await makeTempFolder()));
afterAll(() => folder.remove());

describe('the search index in a worker thread', () => {
  it('indexes, searches, saves its snapshot and loads it again', async () => {
    const path = join(folder.path, 'library');
    let library = await Library.open(path, { searchWorker: WORKER });
    const { id } = await library.addText({ text: await readFile(SEED_ARTICLE, 'utf8') });
    await library.prepareSearch();
    await library.addText({ text: 'Zürich notes\n\nThe bank in Zürich raised its rates.' });
    expect((await library.search('lavrov')).hits.map((hit) => hit.id)).toEqual([id]);
    expect((await library.search('zurich')).total).toBe(1);
    await library.close();

    library = await Library.open(path, { searchWorker: WORKER });
    await library.addText({ text: 'Geneva\n\nTalks in Geneva between the two collaborators.' });
    expect((await library.search('geneva')).total).toBe(2);
    expect(await library.reindex()).toBe(3);
    await library.close();
  });
});
