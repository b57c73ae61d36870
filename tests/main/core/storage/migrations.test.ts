import { cp, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../../main/core/library';
import { verifyLibrary } from '../../../../main/core/verify';
import { makeTempFolder, REPO_ROOT } from '../../../paths';

// A library written by Cuttings 0.1 (format 1: one catalog file, captures in articles/<id>/),
// made by that code and kept unchanged as a fixture.
const FORMAT_1_FIXTURE = join(REPO_ROOT, 'tests', 'fixtures', 'library-v1');

let folder: { path: string; remove: () => Promise<void> };
let root: string;
beforeEach(async () => {
  folder = await makeTempFolder();
  root = join(folder.path, 'library');
  await cp(FORMAT_1_FIXTURE, root, { recursive: true });
});
afterEach(() => folder.remove());

describe('a format 1 library', () => {
  it('opens after the upgrade with every article, tag and text, and says what it did', async () => {
    const library = await Library.open(root);
    expect(library.notices).toEqual([`library: upgraded ${root}: format 1 → 2: shard the catalog and the captures`]);
    const articles = library.list();
    expect(articles.map((article) => article.title).sort()).toEqual([
      'Council notes',
      'Harbour reopens after winter repairs',
      'US-Russia talks on Ukraine Lavrov: I don’t expect a breakthrough',
    ]);
    const seed = articles.find((article) => article.title.startsWith('US-Russia'))!;
    expect(seed.tags).toEqual(['ukraine', 'Diplomacy/Russia']);
    expect((await library.get(seed.id)).text).toContain('Sergei Lavrov');
    expect((await library.search('zurich harbour')).total).toBe(1);
    expect(await verifyLibrary(library)).toMatchObject({ articles: 3, problems: [] });
    await library.close();

    expect(JSON.parse(await readFile(join(root, 'cuttings.json'), 'utf8')).version).toBe(2);
    expect((await readdir(join(root, 'catalog'))).every((name) => /^[0-9A-Z]{2}\.json$/u.test(name))).toBe(true);
    expect((await readdir(join(root, 'articles'))).every((name) => name.length === 2)).toBe(true);
  });

  it('is refused by a read-only open, untouched, with the way to upgrade it', async () => {
    await expect(Library.open(root, { readOnly: true })).rejects.toThrow(
      `library: ${root} uses format version 1; open it once for writing (the app, or a command such as \`cuttings add\`) to upgrade it`,
    );
    expect(await readdir(join(root, 'catalog'))).toEqual(['catalog.json']);
  });

  it('finishes an upgrade that was interrupted half way', async () => {
    // As if the process died after writing the shards but before moving any capture.
    const { writeFile } = await import('node:fs/promises');
    const catalog = JSON.parse(await readFile(join(root, 'catalog', 'catalog.json'), 'utf8'));
    const [first] = Object.values(catalog.articles) as { id: string }[];
    await writeFile(join(root, 'catalog', `${first!.id.slice(-2)}.json`), JSON.stringify({ changeNumber: 1, articles: { [first!.id]: first } }));
    const library = await Library.open(root);
    expect(library.list()).toHaveLength(3);
    expect((await verifyLibrary(library)).problems).toEqual([]);
    await library.close();
  });
});
