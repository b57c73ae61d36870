import { readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../../main/core/library';
import { BACKUPS_KEPT, listBackups, makeDailyBackup } from '../../../../main/core/storage/backups';
import { makeTempFolder } from '../../../paths';
import { catalogShardOf, catalogShardPath } from './catalog-files';

let folder: { path: string; remove: () => Promise<void> };
let root: string;
beforeEach(async () => {
  folder = await makeTempFolder();
  root = join(folder.path, 'library');
});
afterEach(() => folder.remove());

const article = (n: number) => ({ text: `Report number ${n}\n\nThe council met for the ${n}th time and agreed on nothing.` });

describe('daily backups', () => {
  it('makes one backup a day at the first write-open, and keeps the newest seven', async () => {
    const library = await Library.open(root);
    await library.addText(article(1));
    await library.close();
    const today = new Date().toISOString().slice(0, 10);
    expect(await listBackups(root)).toEqual([today]);
    expect(await makeDailyBackup(root)).toBeNull();
    for (let day = 1; day <= 9; day++) {
      await makeDailyBackup(root, new Date(Date.UTC(2020, 0, day)));
    }
    const kept = await listBackups(root);
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept[0]).toBe(today);
    expect(kept.at(-1)).toBe('2020-01-04');
  });
});

describe('a damaged catalog shard', () => {
  it('is moved to quarantine, restored from the newest backup, and the user is told', async () => {
    let library = await Library.open(root);
    const first = await library.addText(article(1));
    await library.updateTags(first.id, ['kept'], []);
    await library.close();
    // Today's backup was made at the first open, before the article existed; make one now.
    await rmBackups();
    await makeDailyBackup(root);
    library = await Library.open(root);
    await library.close();

    const name = await catalogShardOf(root, first.id);
    const shard = join(root, 'catalog', `${name}.json`);
    await writeFile(shard, '{ this is not json');
    library = await Library.open(root);
    expect(library.notices).toHaveLength(1);
    expect(library.notices[0]).toMatch(
      new RegExp(`^library: catalog shard ${name} was damaged and moved to .*quarantine.*; restored from the backup of \\d{4}-\\d{2}-\\d{2}$`, 'u'),
    );
    expect((await library.get(first.id)).tags).toEqual(['kept']);
    await library.close();
    const [stamp] = await readdir(join(root, 'quarantine'));
    expect(await readFile(join(root, 'quarantine', stamp!, `${name}.json`), 'utf8')).toBe('{ this is not json');
  });

  it('recovers articles added after the backup from their captures when the journal is gone too', async () => {
    let library = await Library.open(root);
    await library.close();
    library = await Library.open(root);
    const added = await library.addText({ ...article(2), tags: ['first-tag'] });
    await library.close();
    await rm(join(root, 'journal'), { recursive: true });
    await writeFile(await catalogShardPath(root, added.id), '');
    library = await Library.open(root);
    // Today's backup was made at the first open, before the article was added.
    expect(library.notices[0]).toMatch(/; no backup of it could be read; 1 article\(s\) recovered from their captures$/u);
    expect((await library.get(added.id)).tags).toEqual(['first-tag']);
    await library.close();
  });

  it('is reported, not repaired, by a read-only open', async () => {
    let library = await Library.open(root);
    const added = await library.addText(article(3));
    await library.close();
    const shard = await catalogShardPath(root, added.id);
    await writeFile(shard, '[');
    library = await Library.open(root, { readOnly: true });
    expect(library.notices[0]).toContain(`library: ${shard} is damaged`);
    expect(library.list()).toEqual([]);
    expect(await readFile(shard, 'utf8')).toBe('[');
    await library.close();
  });
});

async function rmBackups() {
  await rm(join(root, 'backups'), { recursive: true, force: true });
  await mkdir(join(root, 'backups'));
}
