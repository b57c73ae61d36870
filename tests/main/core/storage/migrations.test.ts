import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../../main/core/library';
import { encodeCapture } from '../../../../main/core/storage/captures';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { FIRST_SHARD } from '../../../../main/core/storage/shard-ranges';
import { makeTempFolder, REPO_ROOT } from '../../../paths';

// A library written by Cuttings 0.1 (format 1: one catalog file, captures in articles/<id>/),
// made by that code and kept unchanged as a fixture.
const FORMAT_1_FIXTURE = join(REPO_ROOT, 'tests', 'fixtures', 'library-v1');
// A library written by the format 2 code (captures as folders of article.json and
// original.<kind>.gz), made by that code and kept unchanged as a fixture.
const FORMAT_2_FIXTURE = join(REPO_ROOT, 'tests', 'fixtures', 'library-v2');

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
    expect(library.notices).toEqual([
      `library: upgraded ${root}: format 1 → 2: shard the catalog and the captures`,
      `library: upgraded ${root}: format 2 → 3: one file per capture`,
      `library: upgraded ${root}: format 3 → 4: catalog shards by range of ids`,
    ]);
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

    expect(JSON.parse(await readFile(join(root, 'cuttings.json'), 'utf8')).version).toBe(4);
    expect(await readdir(join(root, 'catalog'))).toEqual([`${FIRST_SHARD}.json`]);
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

describe('a format 2 library', () => {
  beforeEach(async () => {
    await rm(root, { recursive: true });
    await cp(FORMAT_2_FIXTURE, root, { recursive: true });
  });

  it('opens after the upgrade with one capture file per article, every text and original intact', async () => {
    const before = await captureFolders(root);
    expect(before).toHaveLength(3);
    const library = await Library.open(root);
    expect(library.notices).toEqual([`library: upgraded ${root}: format 2 → 3: one file per capture`, `library: upgraded ${root}: format 3 → 4: catalog shards by range of ids`]);
    const seed = library.list().find((article) => article.title.startsWith('US-Russia'))!;
    expect(seed.tags).toEqual(['ukraine', 'Diplomacy/Russia', 'checked']);
    expect((await library.get(seed.id)).text).toContain('Sergei Lavrov');
    expect((await library.search('zurich harbour')).total).toBe(1);
    // verify checks each text and original against the SHA-256 recorded when it was captured.
    expect(await verifyLibrary(library)).toMatchObject({ articles: 3, problems: [] });
    await library.close();

    expect(JSON.parse(await readFile(join(root, 'cuttings.json'), 'utf8')).version).toBe(4);
    expect(await captureFolders(root)).toEqual([]);
    for (const folder of before) {
      const id = folder.split('/').pop()!;
      expect(await readdir(join(folder, '..'))).toEqual([`${id}.capture`]);
    }
  });

  it('finishes an upgrade interrupted after some captures were converted', async () => {
    // As if the process died after writing one capture file but before removing any folder.
    const [first] = await captureFolders(root);
    const id = first!.split('/').pop()!;
    const content = await readFile(join(first!, 'article.json'));
    const zippedOriginal = await readFile(join(first!, 'original.txt.gz'));
    await writeFile(join(first!, '..', `${id}.capture`), encodeCapture(content, zippedOriginal, 'txt'));
    const library = await Library.open(root);
    expect(library.list()).toHaveLength(3);
    expect((await verifyLibrary(library)).problems).toEqual([]);
    await library.close();
    expect(await captureFolders(root)).toEqual([]);
  });

  it('leaves a capture folder that was already damaged as it is, for verify to name', async () => {
    const [first] = await captureFolders(root);
    await rm(join(first!, 'article.json'));
    const library = await Library.open(root);
    expect(library.list()).toHaveLength(3);
    const { problems } = await verifyLibrary(library);
    expect(problems).toEqual([expect.stringContaining(`article ${first!.split('/').pop()}`)]);
    await library.close();
    expect(await captureFolders(root)).toEqual([first]);
  });
});

/** The format 2 capture folders left in a library: articles/<XY>/<id>/. */
async function captureFolders(library: string): Promise<string[]> {
  const folders: string[] = [];
  for (const shard of await readdir(join(library, 'articles'))) {
    for (const entry of await readdir(join(library, 'articles', shard), { withFileTypes: true })) {
      if (entry.isDirectory()) folders.push(join(library, 'articles', shard, entry.name));
    }
  }
  return folders.sort();
}
