// The catalog's journal on disk: lines that check themselves, the last entry found from the
// end of a segment, a new segment with each backup, and old segments trimmed.
import { appendFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogJournal, decodeEntry, encodeEntry, journalFolder, readJournal, type JournalEntry } from '../../../../main/core/storage/catalog-journal';
import { makeTempFolder } from '../../../paths';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(() => folder.remove());

const entry = (seq: number, extra: Partial<JournalEntry> = {}): JournalEntry => ({
  seq,
  at: '2026-01-01T00:00:00.000Z',
  shards: { AB: seq },
  changes: { [`01HZZZZZZZZZZZZZZZZZZZZ${String(seq % 100).padStart(1, '0')}AB`]: { s: { tags: [`t${seq}`] } } },
  ...extra,
});

describe('a journal line', () => {
  it('holds its entry with a CRC-32 that a changed byte or a torn end fails', () => {
    const line = encodeEntry(entry(7));
    expect(line).toMatch(/^[0-9a-f]{8} \{"seq":7,/u);
    expect(line.endsWith('\n')).toBe(true);
    expect(decodeEntry(line.slice(0, -1))).toEqual(entry(7));
    expect(decodeEntry(line.slice(0, -1).replace('"t7"', '"t8"'))).toBeNull();
    expect(decodeEntry(line.slice(0, 40))).toBeNull();
    expect(decodeEntry('')).toBeNull();
  });
});

describe('CatalogJournal', () => {
  it('creates nothing until the first entry, then appends to a segment named by its first entry and the day', async () => {
    const journal = await CatalogJournal.open(folder.path, new Date('2026-03-04T10:00:00Z'));
    expect(journal.lastSeq).toBe(0);
    await expect(readdir(journalFolder(folder.path))).rejects.toThrow();
    await journal.append(entry(1));
    await journal.append(entry(2));
    await journal.close();
    expect(await readdir(journalFolder(folder.path))).toEqual(['000000000001-2026-03-04.jsonl']);
    expect((await readJournal(folder.path)).entries.map((e) => e.seq)).toEqual([1, 2]);
    expect((await CatalogJournal.open(folder.path)).lastSeq).toBe(2);
  });

  it('finds the last entry that checks out from the end, past a torn line and a line longer than it reads at once', async () => {
    const journal = await CatalogJournal.open(folder.path);
    await journal.append(entry(1));
    await journal.append(entry(2, { changes: { '01HZZZZZZZZZZZZZZZZZZZZZAB': { s: { note: 'x'.repeat(200_000) } } } }));
    await journal.close();
    const [segment] = await readdir(journalFolder(folder.path));
    await appendFile(join(journalFolder(folder.path), segment!), '1234abcd {"seq":3,"at":');
    const reopened = await CatalogJournal.open(folder.path);
    expect(reopened.lastSeq).toBe(2);
    // The next entry does not run on from the torn line: it starts a segment of its own.
    await reopened.append(entry(3));
    await reopened.close();
    expect(await readdir(journalFolder(folder.path))).toHaveLength(2);
    const reading = await readJournal(folder.path);
    expect(reading.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(reading.damagedLines).toBe(0);
  });

  it('starts a new segment with the next entry after a backup, and trims those every kept backup holds', async () => {
    const journal = await CatalogJournal.open(folder.path, new Date('2026-03-01T10:00:00Z'));
    await journal.append(entry(1));
    await journal.rotate('2026-03-02');
    await journal.append(entry(2));
    await journal.rotate('2026-03-03');
    // No entry on the 3rd: no segment for it.
    await journal.rotate('2026-03-05');
    await journal.append(entry(3));
    await journal.append(entry(4));
    expect(await readdir(journalFolder(folder.path))).toEqual(['000000000001-2026-03-01.jsonl', '000000000002-2026-03-02.jsonl', '000000000003-2026-03-05.jsonl']);
    // With the backup of the 2nd kept, the segment of the 1st is held by every backup; the 2nd's is not.
    expect(await journal.trim('2026-03-02')).toEqual(['000000000001-2026-03-01.jsonl']);
    expect(await journal.trim('2026-03-04')).toEqual([]);
    expect(await journal.trim('2026-03-05')).toEqual(['000000000002-2026-03-02.jsonl']);
    // The segment written to is never trimmed.
    expect(await journal.trim('2026-12-31')).toEqual([]);
    await journal.close();
    expect((await readJournal(folder.path)).entries.map((e) => e.seq)).toEqual([3, 4]);
  });

  it('skips a damaged line in the middle, counting it', async () => {
    const journal = await CatalogJournal.open(folder.path);
    for (const seq of [1, 2, 3]) await journal.append(entry(seq));
    await journal.close();
    const [segment] = await readdir(journalFolder(folder.path));
    const path = join(journalFolder(folder.path), segment!);
    await writeFile(path, (await readFile(path, 'utf8')).replace('"t2"', '"tX"'));
    const reading = await readJournal(folder.path);
    expect(reading.entries.map((e) => e.seq)).toEqual([1, 3]);
    expect(reading.damagedLines).toBe(1);
  });
});
