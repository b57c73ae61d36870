import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWordDiff } from '../../../../common/word-diff';
import { clipUrl } from '../../../../main/core/fetch/clip-url';
import { recapture } from '../../../../main/core/fetch/recapture';
import { capturePath } from '../../../../main/core/storage/captures';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { bbcPage, startTestServer, type TestServer } from './test-server';
import { useTempLibrary } from '../../../temp-library';

let server: TestServer;
const temp = useTempLibrary();

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const original = bbcPage('politics/010.txt');

describe('recapture', () => {
  it('keeps a changed text as a new version beside the first, and says what changed word by word', async () => {
    server.set('/story', original);
    const added = await clipUrl(temp.library, { url: server.url('/story'), tags: ['politics'] });
    if (added.status !== 'added') throw new Error('not added');
    const firstCapture = await readFile(capturePath(temp.library.path, added.article.id));

    const first = await temp.library.get(added.article.id);
    const sentence = first.text.split('\n\n')[1]!;
    const word = sentence.split(' ')[2]!;
    server.set('/story', original.replace(sentence, sentence.replace(` ${word} `, ' quietly-edited ')));
    const result = await recapture(temp.library, added.article.id);

    expect(result.changed).toBe(true);
    expect(result.url).toBe(server.url('/story'));
    const version = await temp.library.get(result.version!.id);
    expect(version.provenance.versionOf).toBe(added.article.id);
    expect(version.tags).toEqual(['politics']);
    expect(result.diff.filter((part) => part.kind === 'removed').map((part) => part.text)).toEqual([word]);
    expect(result.diff.filter((part) => part.kind === 'added').map((part) => part.text)).toEqual(['quietly-edited']);
    expect(formatWordDiff(result.diff).join('\n')).toContain(`[-${word}-] {+quietly-edited+}`);
    // The first capture is never rewritten.
    expect((await readFile(capturePath(temp.library.path, added.article.id))).equals(firstCapture)).toBe(true);
    expect((await temp.library.versions(added.article.id)).map((record) => record.id)).toEqual([added.article.id, version.id]);
    expect((await verifyLibrary(temp.library)).problems).toEqual([]);
  });

  it('stores nothing when the text has not changed since the latest version', async () => {
    server.set('/same', original);
    const added = await clipUrl(temp.library, { url: server.url('/same') });
    if (added.status !== 'added') throw new Error('not added');
    const result = await recapture(temp.library, added.article.id);
    expect(result).toMatchObject({ changed: false, diff: [] });
    expect(temp.library.list()).toHaveLength(1);
  });

  it('compares with the latest version, whichever version is named', async () => {
    server.set('/edited', original);
    const added = await clipUrl(temp.library, { url: server.url('/edited') });
    if (added.status !== 'added') throw new Error('not added');
    server.set('/edited', original.replace('</article>', '<p>Correction: an earlier version of this story misspelt a name.</p></article>'));
    const second = await recapture(temp.library, added.article.id);
    expect(second.changed).toBe(true);
    const third = await recapture(temp.library, second.version!.id);
    expect(third).toMatchObject({ changed: false });
    expect(third.previous.id).toBe(second.version!.id);
  });

  it('refuses an article that has no web address, and an unknown id', async () => {
    const pasted = await temp.library.addText({ text: 'Council notes\n\nThe council met on Tuesday.' });
    await expect(recapture(temp.library, pasted.id)).rejects.toThrow(`recapture: article ${pasted.id} ("Council notes") has no web address to fetch again`);
    await expect(recapture(temp.library, '01NOSUCHARTICLE0000000000')).rejects.toThrow('library: no article with id 01NOSUCHARTICLE0000000000');
  });

  it('names the URL when the page has gone, and stores nothing', async () => {
    server.set('/gone', original);
    const added = await clipUrl(temp.library, { url: server.url('/gone') });
    if (added.status !== 'added') throw new Error('not added');
    server.set('/gone', null);
    await expect(recapture(temp.library, added.article.id)).rejects.toThrow(`fetch: ${server.url('/gone')}: the server answered HTTP 404 Not Found`);
    expect(temp.library.list()).toHaveLength(1);
  });
});
