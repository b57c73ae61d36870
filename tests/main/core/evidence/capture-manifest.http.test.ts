/**
 * A page fetched by address keeps its HTTP exchange (the requests sent, the response heads
 * received): its manifest signs their SHA-256, `cuttings verify` names them altered, and the
 * bundle holds them as http.json for `sha256sum -c`.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpExchangeBytes, readSealedManifest } from '../../../../main/core/evidence/capture-manifest';
import { clipUrl } from '../../../../main/core/fetch/clip-url';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { capturePath, encodeCapture, readCaptureSync, readOriginal, zipOriginal } from '../../../../main/core/storage/captures';
import { useTempLibrary } from '../../../temp-library';
import { startHarbourServer } from '../archive/web-archive-library';

let server: Awaited<ReturnType<typeof startHarbourServer>>;
beforeAll(async () => {
  server = await startHarbourServer();
});
afterAll(() => server.close());

describe('the HTTP exchange of a fetched page', () => {
  const temp = useTempLibrary();

  it('is signed in its manifest, named when altered, and in the bundle', async () => {
    const outcome = await clipUrl(temp.library, { url: server.url('/story') });
    if (outcome.status !== 'added') throw new Error('expected a new cutting');
    const id = outcome.article.id;
    const { content } = readCaptureSync(temp.path, id);
    expect(content.http?.page?.length).toBeGreaterThan(0);
    const http = httpExchangeBytes(content.http!);
    expect(readSealedManifest(content)!.manifest.http).toEqual({ sha256: createHash('sha256').update(http).digest('hex') });
    expect((await verifyLibrary(temp.library)).problems).toEqual([]);

    const bundle = join(temp.folder, 'bundle');
    await temp.library.writeEvidenceReport(id, { pdf: join(temp.folder, 'report.pdf'), bundle });
    expect((await readFile(join(bundle, 'http.json'))).equals(http)).toBe(true);
    expect(await readFile(join(bundle, 'SHA256SUMS'), 'utf8')).toContain(`${createHash('sha256').update(http).digest('hex')}  http.json\n`);

    // A response header changed after the capture.
    const altered = JSON.parse(JSON.stringify(content.http).replace('text/html', 'text/plain')) as typeof content.http;
    const original = await readOriginal(temp.path, id);
    await writeFile(capturePath(temp.path, id), encodeCapture({ ...content, http: altered }, zipOriginal(original.bytes), original.kind));
    expect((await verifyLibrary(temp.library)).problems).toContainEqual(expect.stringMatching(new RegExp(`^article ${id} \\(".+"\\): the HTTP exchange \\(requests and response headers\\) does not match the SHA-256 in its signed manifest$`, 'u')));
  });
});
