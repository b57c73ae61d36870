import { readFile, rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { custodyLogPath } from '../../../../main/core/evidence/custody-log';
import { tokenPath } from '../../../../main/core/evidence/timestamp-queue';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { capturePath, encodeCapture, readCaptureSync, readOriginal, zipOriginal, type CapturedContent } from '../../../../main/core/storage/captures';
import { useTempLibrary } from '../../../temp-library';
import { startTestTsa, type TestTsa } from '../../../test-tsa';
import { catalogShardPath } from '../storage/catalog-files';

let tsa: TestTsa;
beforeAll(async () => {
  tsa = await startTestTsa();
});
afterAll(() => tsa.close());

const temp = useTempLibrary();
let ids: string[];

beforeEach(async () => {
  await temp.library.trustTsaRoots(tsa.caPem, 'ca.pem');
  await temp.library.chooseTsa(tsa.url);
  ids = [];
  for (const title of ['Budget', 'Bridge', 'Ferry']) ids.push((await temp.library.addText({ text: `${title}\n\nThe council spoke of the ${title.toLowerCase()} on Tuesday.` })).id);
  expect((await temp.library.timestampWaiting()).stamped).toBe(3);
});

/** Writes an article's capture file again with its content or its original changed. */
async function rewriteCapture(id: string, change: { content?: (content: CapturedContent) => CapturedContent; original?: (bytes: Buffer) => Buffer }) {
  const { content } = readCaptureSync(temp.path, id);
  const original = await readOriginal(temp.path, id);
  const bytes = encodeCapture(change.content ? change.content(content) : content, zipOriginal(change.original ? change.original(original.bytes) : original.bytes), original.kind);
  await writeFile(capturePath(temp.path, id), bytes);
}

async function custodyLines(): Promise<string[]> {
  return (await readFile(custodyLogPath(temp.path), 'utf8')).split('\n').filter(Boolean);
}

async function writeCustody(lines: string[]): Promise<void> {
  await writeFile(custodyLogPath(temp.path), `${lines.join('\n')}\n`);
}

const where = (i: number) => new RegExp(`^article ${ids[i]} \\("\\w+"\\): `, 'u');

describe('cuttings verify and the evidence', () => {
  it('finds nothing wrong with signed, timestamped captures and a whole custody log', async () => {
    expect(await verifyLibrary(temp.library)).toMatchObject({ articles: 3, problems: [] });
  });

  it('names an original altered by one byte', async () => {
    await rewriteCapture(ids[1]!, { original: (bytes) => Buffer.from(bytes.map((byte, i) => (i === 3 ? byte ^ 1 : byte))) });
    expect((await verifyLibrary(temp.library)).problems).toEqual([
      `article ${ids[1]} ("Bridge"): the original as received does not match its recorded SHA-256`,
      `article ${ids[1]} ("Bridge"): the original as received (txt) does not match the SHA-256 in its signed manifest`,
    ]);
  });

  it('names a manifest altered: its signature fails, and its timestamp stamps another hash', async () => {
    await rewriteCapture(ids[0]!, { content: (content) => ({ ...content, evidence: { ...content.evidence!, manifest: content.evidence!.manifest.replace('"method":"paste"', '"method":"url"') } }) });
    const { problems } = await verifyLibrary(temp.library);
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`${where(0).source}its manifest's signature does not verify with key SHA256:[0-9a-f ]+ \\(the manifest or the signature was altered\\)$`, 'u')),
      expect.stringMatching(new RegExp(`${where(0).source}timestamp: the token is for another hash`, 'u')),
      `article ${ids[0]}: its manifest is not the one the custody log recorded at its capture (it was replaced)`,
    ]);
  });

  it('names a timestamp token altered', async () => {
    const token = await readFile(tokenPath(temp.path, ids[2]!));
    token[token.length - 20] = token[token.length - 20]! ^ 0x01;
    await writeFile(tokenPath(temp.path, ids[2]!), token);
    const { problems } = await verifyLibrary(temp.library);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(new RegExp(`${where(2).source}timestamp: `, 'u'));
  });

  it('names a custody entry altered', async () => {
    const lines = await custodyLines();
    lines[1] = lines[1]!.replace('"event":"captured"', '"event":"deleted"');
    await writeCustody(lines);
    expect((await verifyLibrary(temp.library)).problems).toEqual([
      'custody log: entry 2 (line 2) was altered: its signature does not match',
      expect.stringMatching(new RegExp(`^article ${ids[1]}: no custody log entry records its capture`, 'u')),
    ]);
  });

  it('names two custody entries swapped', async () => {
    const lines = await custodyLines();
    await writeCustody([lines[0]!, lines[2]!, lines[1]!]);
    expect((await verifyLibrary(temp.library)).problems).toEqual(['custody log: entry 2 is out of order: it comes after entry 3 (line 3)']);
  });

  it('names a custody entry removed, in the middle or at the end', async () => {
    const lines = await custodyLines();
    await writeCustody([lines[0]!, lines[2]!]);
    expect((await verifyLibrary(temp.library)).problems).toEqual([
      'custody log: entry 2 is missing (removed from the log)',
      expect.stringMatching(new RegExp(`^article ${ids[1]}: no custody log entry records its capture`, 'u')),
    ]);
    await writeCustody(lines.slice(0, 2));
    expect((await verifyLibrary(temp.library)).problems).toEqual([
      'custody log: entry 3 is missing from the end (its head names entry 3)',
      expect.stringMatching(new RegExp(`^article ${ids[2]}: no custody log entry records its capture`, 'u')),
    ]);
  });

  it('tells a deletion on the record from a cutting removed behind the library’s back', async () => {
    await temp.library.deleteArticle(ids[0]!, 'a duplicate');
    expect((await verifyLibrary(temp.library)).problems).toEqual([]);
    const lines = await custodyLines();
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ seq: 4, event: 'deleted', detail: 'a duplicate', items: [{ article: ids[0], manifest: expect.stringMatching(/^[0-9a-f]{64}$/u), original: expect.any(String), text: expect.any(String) }] });
    // Removed from the catalog and its capture deleted, with no entry: as someone with the files might.
    const shard = await catalogShardPath(temp.path, ids[1]!);
    const data = JSON.parse(await readFile(shard, 'utf8')) as { articles: Record<string, unknown> };
    delete data.articles[ids[1]!];
    await writeFile(shard, JSON.stringify(data));
    await rm(capturePath(temp.path, ids[1]!));
    const library = await temp.reopen();
    expect((await verifyLibrary(library)).problems).toEqual([`article ${ids[1]}: the custody log records its capture, but it is not in the library and no entry records its deletion`]);
  });

  it('goes on appending after a crash cut its last line short, setting the torn bytes aside', async () => {
    const text = await readFile(custodyLogPath(temp.path), 'utf8');
    await writeFile(custodyLogPath(temp.path), `${text}{"at":"2026-`);
    const library = await temp.reopen();
    await library.addText({ text: 'After\n\nAdded after a crash.' });
    expect((await custodyLines()).length).toBe(4);
    expect((await verifyLibrary(library)).problems).toEqual([]);
  });
});
