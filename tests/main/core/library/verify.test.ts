import { readFile, writeFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../../main/core/library';
import { saveSnapshot } from '../../../../main/core/search/search-snapshot';
import { capturePath, encodeCapture, readCaptureSync, readOriginal, zipOriginal, type CapturedContent } from '../../../../main/core/storage/captures';
import { SearchIndex } from '../../../../main/core/search/search-index';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { SEED_ARTICLE } from '../../../paths';
import { useTempLibrary } from '../../../temp-library';
import { catalogShardPath } from '../storage/catalog-files';

const temp = useTempLibrary();
let id: string;

beforeEach(async () => {
  id = (await temp.library.addText({ text: await readFile(SEED_ARTICLE, 'utf8') })).id;
  await temp.library.addText({ text: 'Council notes\n\nThe council met on Tuesday.' });
});

/** Writes the article's capture file again with its content or its original replaced. */
async function rewriteCapture(change: { content?: (content: CapturedContent) => CapturedContent; original?: Buffer }): Promise<void> {
  const { content } = readCaptureSync(temp.library.path, id);
  const original = await readOriginal(temp.library.path, id);
  const bytes = encodeCapture(change.content ? change.content(content) : content, zipOriginal(change.original ?? original.bytes), original.kind);
  await writeFile(capturePath(temp.library.path, id), bytes);
}

describe('verifyLibrary', () => {
  it('finds nothing wrong with a sound library, and checks the index once it is saved', async () => {
    expect(await verifyLibrary(temp.library)).toMatchObject({ articles: 2, problems: [] });
    await temp.library.reindex();
    expect(await verifyLibrary(temp.library)).toEqual({ articles: 2, problems: [], notes: [] });
  });

  it('reports text that no longer matches its recorded hash', async () => {
    await rewriteCapture({ content: (content) => ({ ...content, text: content.text.replace('Lavrov', 'Lavroff') }) });
    expect((await verifyLibrary(temp.library)).problems).toEqual([
      `article ${id} ("US-Russia talks on Ukraine Lavrov: I don’t expect a breakthrough"): its text does not match the SHA-256 recorded when it was captured`,
      // And its signed manifest (evidence/capture-check.ts) says the same.
      `article ${id} ("US-Russia talks on Ukraine Lavrov: I don’t expect a breakthrough"): the text does not match the SHA-256 in its signed manifest`,
    ]);
  });

  it('reports an original that was altered', async () => {
    await rewriteCapture({ original: Buffer.from('something else') });
    expect((await verifyLibrary(temp.library)).problems).toEqual([
      expect.stringContaining('the original as received does not match its recorded SHA-256'),
      expect.stringContaining('the original as received (txt) does not match the SHA-256 in its signed manifest'),
    ]);
  });

  it('reports an index that misses an article of the catalog', async () => {
    const index = SearchIndex.create();
    const versions = (temp.library as unknown as { context: { catalog: { shardVersions(): Record<string, number> } } }).context.catalog.shardVersions();
    await saveSnapshot(temp.library.path, index, { shardVersions: versions, shards: [], ids: [], signatures: [] });
    const report = await verifyLibrary(temp.library);
    expect(report.problems).toHaveLength(2);
    expect(report.problems[0]).toMatch(/^index: article \w+ is in the catalog but not in the search index$/u);
  });
});

describe('verifyLibrary and provenance', () => {
  const catalogFile = () => catalogShardPath(temp.library.path, id);

  /** Rewrites the article's record in its catalog shard, as damage or tampering would. */
  async function alterRecord(change: (record: { provenance: Record<string, unknown> }) => void): Promise<Library> {
    const shard = JSON.parse(await readFile(await catalogFile(), 'utf8'));
    const holder = JSON.stringify(shard);
    const found = findRecord(shard, id);
    change(found);
    expect(JSON.stringify(shard)).not.toBe(holder);
    await writeFile(await catalogFile(), JSON.stringify(shard));
    await temp.reopen();
    return temp.library;
  }

  it('reports a text sketch that does not fit the text', async () => {
    await alterRecord((record) => {
      record.provenance.textSketch = '0'.repeat(128);
    });
    expect((await verifyLibrary(temp.library)).problems).toContain(
      `article ${id} ("US-Russia talks on Ukraine Lavrov: I don’t expect a breakthrough"): its text sketch (for finding duplicates) does not match its text`,
    );
  });

  it('reports provenance in the catalog that differs from the capture', async () => {
    await alterRecord((record) => {
      record.provenance.finalUrl = 'https://elsewhere.example/';
    });
    expect((await verifyLibrary(temp.library)).problems).toContain(
      `article ${id} ("US-Russia talks on Ukraine Lavrov: I don’t expect a breakthrough"): its provenance in the catalog differs from the one stored with its capture`,
    );
  });
});

/** Finds a record by id anywhere in a parsed catalog shard. */
function findRecord(value: unknown, wanted: string): { provenance: Record<string, unknown> } {
  if (value && typeof value === 'object') {
    if ((value as { id?: unknown }).id === wanted && 'provenance' in value) return value as { provenance: Record<string, unknown> };
    for (const child of Object.values(value)) {
      try {
        return findRecord(child, wanted);
      } catch {
        // not in this branch
      }
    }
  }
  throw new Error(`no record ${wanted}`);
}
