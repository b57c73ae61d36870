// A damaged catalog shard is rebuilt from its newest backup, every change journaled since
// and the captures: no tag, note or highlight acknowledged since the backup is lost.
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../../main/core/library';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { makeDailyBackup, quarantineShard } from '../../../../main/core/storage/backups';
import { readCapture, readOriginal } from '../../../../main/core/storage/captures';
import { journalFolder, readJournal } from '../../../../main/core/storage/catalog-journal';
import { SHARD_BOUND } from '../../../../main/core/storage/shard-ranges';
import { makeTempFolder } from '../../../paths';
import { catalogShardOf, catalogShardPath } from './catalog-files';

let folder: { path: string; remove: () => Promise<void> };
let root: string;
let library: Library;
beforeEach(async () => {
  folder = await makeTempFolder();
  root = join(folder.path, 'library');
  library = await Library.open(root);
});
afterEach(async () => {
  await library.close();
  await folder.remove();
});

const text = (n: number) => ({ text: `Report number ${n}\n\nThe council met for the ${n}th time and agreed on nothing at all.` });
const shardPath = (id: string) => catalogShardPath(root, id);

/** Closes the library, damages the shard of each id (and with `withoutBackups`, deletes every backup), opens it again and returns its notices. */
async function damageAndReopen(ids: string[], withoutBackups = false): Promise<readonly string[]> {
  await library.close();
  if (withoutBackups) await rm(join(root, 'backups'), { recursive: true });
  for (const id of ids) await writeFile(await shardPath(id), '{"changeNumber": 4, "articles": {"trunc');
  library = await Library.open(root);
  return library.notices;
}

/** An article's tags, note and highlights (quote and comment), as the reader shows them. */
async function annotations(id: string) {
  const article = await library.get(id);
  return { tags: article.tags, note: article.note ?? null, highlights: (article.highlights ?? []).map((h) => [h.quote, h.comment]) };
}

describe('repairing a damaged shard', () => {
  it('replays every tag, note and highlight change made since the backup', async () => {
    const kept = await library.addText({ ...text(1), tags: ['before'] });
    await library.close();
    // The backup holds the article with its first tag; everything below comes after it.
    await rm(join(root, 'backups'), { recursive: true });
    await makeDailyBackup(root);
    library = await Library.open(root);
    await library.updateTags(kept.id, ['after', 'more'], ['before']);
    await library.setNote(kept.id, 'Ask the **council** again');
    const [highlight] = await library.addHighlight({ id: kept.id, quote: 'agreed on nothing', comment: 'as ever' });
    await library.addHighlight({ id: kept.id, quote: 'The council met' });
    await library.updateHighlight({ id: kept.id, highlightId: highlight!.id, comment: 'as always' });
    const added = await library.addText({ ...text(2), tags: ['new'] });
    // Two articles in the same shard, or in two: both shards are damaged.
    const before = { kept: await annotations(kept.id), added: await annotations(added.id) };

    const notices = await damageAndReopen([kept.id, added.id]);
    const keptShard = await catalogShardOf(root, kept.id);
    expect(notices.find((notice) => notice.includes(`shard ${keptShard}`))).toMatch(
      new RegExp(`^library: catalog shard ${keptShard} was damaged and moved to .*quarantine.*; restored from the backup of \\d{4}-\\d{2}-\\d{2}; \\d+ change\\(s\\) made since replayed from the journal$`, 'u'),
    );
    expect({ kept: await annotations(kept.id), added: await annotations(added.id) }).toEqual(before);
    expect(before.kept).toEqual({ tags: ['after', 'more'], note: 'Ask the **council** again', highlights: [['agreed on nothing', 'as always'], ['The council met', '']] });
    expect((await library.search('council')).total).toBe(2);
    expect((await verifyLibrary(library)).problems).toEqual([]);
  });

  it('replays everything the journal holds over the captures when there is no backup at all', async () => {
    const first = await library.addText({ ...text(3), tags: ['one'] });
    await library.updateTags(first.id, ['two'], []);
    await library.setNote(first.id, 'A note');
    await library.addHighlight({ id: first.id, quote: 'council met' });
    await library.setNote(first.id, '');
    const expected = await annotations(first.id);
    expect(expected).toMatchObject({ tags: ['one', 'two'], highlights: [['council met', '']] });
    expect(expected.note ?? '').toBe('');
    const notices = await damageAndReopen([first.id], true);
    expect(notices[0]).toMatch(/; no backup of it could be read; \d+ change\(s\) made since replayed from the journal$/u);
    expect(await annotations(first.id)).toEqual(expected);
  });

  it('holds across repairs: the shard\'s change number moves past every number it had, and later edits replay too', async () => {
    const article = await library.addText(text(4));
    await library.updateTags(article.id, ['a'], []);
    await damageAndReopen([article.id]);
    const repaired = JSON.parse(await readFile(await shardPath(article.id), 'utf8'));
    const shard = await catalogShardOf(root, article.id);
    const journaled = (await readJournal(root)).entries.map((entry) => entry.shards[shard] ?? 0);
    expect(repaired.changeNumber).toBeGreaterThan(Math.max(...journaled.slice(0, -1)));
    await library.updateTags(article.id, ['b'], ['a']);
    await damageAndReopen([article.id]);
    expect((await annotations(article.id)).tags).toEqual(['b']);
  });

  it('leaves the damaged file in place until the repaired shard replaces it, so a repair cut short is done again', async () => {
    const article = await library.addText({ ...text(7), tags: ['before'] });
    await library.close();
    await rm(join(root, 'backups'), { recursive: true });
    await makeDailyBackup(root);
    library = await Library.open(root);
    await library.updateTags(article.id, ['after'], ['before']);
    await library.close();
    await writeFile(await shardPath(article.id), '{"changeNumber": 4, "articles": {"trunc');
    // What a crash right after the first step of a repair leaves: the damaged file still there,
    // not the backup's copy, which parses and would hide the edit made since.
    await quarantineShard(root, await catalogShardOf(root, article.id));
    expect(await readFile(await shardPath(article.id), 'utf8')).toBe('{"changeNumber": 4, "articles": {"trunc');
    library = await Library.open(root);
    expect(library.notices[0]).toMatch(/was damaged .*; restored from the backup of .*; 1 change\(s\) made since replayed from the journal$/u);
    expect((await annotations(article.id)).tags).toEqual(['after']);
  });

  it('skips journal lines that do not check out, and says how many', async () => {
    const article = await library.addText({ ...text(5), tags: ['x'] });
    await library.updateTags(article.id, ['y'], []);
    await library.updateTags(article.id, ['z'], []);
    await library.close();
    const [segment] = await readdir(journalFolder(root));
    const path = join(journalFolder(root), segment!);
    const lines = (await readFile(path, 'utf8')).split('\n');
    // Damage the middle entry (the y tag); a torn last line is what a crash leaves, not damage.
    lines[lines.length - 3] = lines[lines.length - 3]!.replace('"y"', '"Y"');
    await writeFile(path, `${lines.join('\n')}00000000 {"seq":`);
    library = await Library.open(root);
    const notices = await damageAndReopen([article.id]);
    expect(notices[0]).toMatch(/; 1 damaged line\(s\) of the journal skipped$/u);
    // The z edit is journaled as the whole list of tags, so nothing is lost but the damaged line's own difference.
    expect((await annotations(article.id)).tags).toEqual(['x', 'y', 'z']);
  });

  it('journals an added article as a pointer to its capture, and a repair takes its record from there', async () => {
    await library.close();
    await rm(join(root, 'backups'), { recursive: true });
    await makeDailyBackup(root);
    library = await Library.open(root);
    const items = [10, 11, 12].map((n) => ({ kind: 'text' as const, request: { ...text(n), tags: [`batch-${n}`] }, method: 'import' as const }));
    const { added } = await library.addBatch(items);
    const single = await library.addText({ ...text(13), tags: ['single'] });
    await library.updateTags(added[0]!.id, ['edited'], []);
    const ids = [...added.map((article) => article.id), single.id];
    const { entries } = await readJournal(root);
    // Each article's first change is the pointer; the edit after it is the tags alone.
    expect(ids.map((id) => entries.find((entry) => id in entry.changes)!.changes[id])).toEqual(ids.map(() => ({ c: 1 })));
    expect(entries.at(-1)!.changes[added[0]!.id]).toEqual({ s: { tags: ['batch-10', 'edited'] } });
    const before = await Promise.all(ids.map(annotations));

    const notices = await damageAndReopen(ids);
    expect(notices.join('\n')).not.toMatch(/could not be replayed|recovered from their captures/u);
    expect(await Promise.all(ids.map(annotations))).toEqual(before);
    expect(before[0]!.tags).toEqual(['batch-10', 'edited']);
  });

  it('journals whole a restored record that moved on from the one its capture holds', async () => {
    const other = await Library.open(join(folder.path, 'other'));
    const article = await other.addText({ ...text(14), tags: ['first'] });
    await other.updateTags(article.id, ['later'], []);
    const item = { record: other.record(article.id), content: await readCapture(other.path, article.id), ...(await readOriginal(other.path, article.id)) };
    await other.close();
    await library.restoreBatch([{ record: item.record, content: item.content, original: item.bytes, kind: item.kind }]);
    const change = (await readJournal(root)).entries.find((entry) => article.id in entry.changes)!.changes[article.id];
    expect(change).toMatchObject({ r: { id: article.id, tags: ['first', 'later'] } });
    await damageAndReopen([article.id], true);
    expect((await annotations(article.id)).tags).toEqual(['first', 'later']);
  });

  it('journals whole at the next open a shard written after the journal\'s last entry', async () => {
    const article = await library.addText(text(6));
    await library.close();
    // As a crash between writing the shard and journaling it leaves things.
    const shard = JSON.parse(await readFile(await shardPath(article.id), 'utf8'));
    shard.articles[article.id].tags = ['written-not-journaled'];
    shard.changeNumber += 1;
    shard.journal += 1;
    await writeFile(await shardPath(article.id), JSON.stringify(shard));
    library = await Library.open(root);
    const last = (await readJournal(root)).entries.at(-1)!;
    expect(last.full).toEqual([await catalogShardOf(root, article.id)]);
    await damageAndReopen([article.id]);
    expect((await annotations(article.id)).tags).toEqual(['written-not-journaled']);
  });

  it('rebuilds shards split since the backup from the backup’s wider shard, the journal and the captures', async () => {
    const first = await library.addText({ ...text(1), tags: ['before'] });
    await library.close();
    await rm(join(root, 'backups'), { recursive: true });
    await makeDailyBackup(root);
    library = await Library.open(root);
    // Enough articles after the backup to cut the newest shard twice.
    const later: string[] = [];
    for (let i = 0; i < 2 * SHARD_BOUND + 10; i++) later.push((await library.addText(text(100 + i))).id);
    await library.updateTags(first.id, ['after'], ['before']);
    const inPiece = later[SHARD_BOUND + 5]!;
    await library.setNote(inPiece, 'kept in a piece');
    const shards = new Set(await Promise.all([first.id, inPiece, later.at(-1)!].map((id) => catalogShardOf(root, id))));
    expect(shards.size).toBe(3);
    const notices = await damageAndReopen([first.id, inPiece]);
    expect(notices).toHaveLength(2);
    for (const notice of notices) expect(notice).toMatch(/; restored from the backup of \d{4}-\d{2}-\d{2}; \d+ change\(s\) made since replayed from the journal$/u);
    expect(library.list()).toHaveLength(1 + later.length);
    expect((await annotations(first.id)).tags).toEqual(['after']);
    expect((await annotations(inPiece)).note).toBe('kept in a piece');
    expect((await verifyLibrary(library)).problems).toEqual([]);
  });
});
