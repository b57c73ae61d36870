import { X509Certificate } from 'node:crypto';
import { chmod, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSealedManifest } from '../../../../main/core/evidence/capture-manifest';
import { readCustodyLines } from '../../../../main/core/evidence/custody-log';
import { FILE_PERMISSIONS_ONLY, keyFilePath } from '../../../../main/core/evidence/key-store';
import { LibraryKeys } from '../../../../main/core/evidence/library-keys';
import { verifySignature } from '../../../../main/core/evidence/signing-key';
import { checkTimestampReply, isVerified } from '../../../../main/core/evidence/timestamp-check';
import { readTimestamp } from '../../../../main/core/evidence/timestamp-queue';
import { Library } from '../../../../main/core/library';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { readCapture } from '../../../../main/core/storage/captures';
import { makeTempFolder, SEED_ARTICLE } from '../../../paths';
import { useTempLibrary } from '../../../temp-library';
import { startTestTsa, type TestTsa } from '../../../test-tsa';

let tsa: TestTsa;
beforeAll(async () => {
  tsa = await startTestTsa();
});
afterAll(() => tsa.close());

/** Every entry of the library's custody log, in order. */
async function custody(root: string) {
  const entries = [];
  for await (const { entry } of readCustodyLines(root)) entries.push(entry!);
  return entries;
}

describe('every capture is signed when it is written', () => {
  const temp = useTempLibrary();

  it('keeps a signed manifest of its hashes and provenance in the capture, with a custody entry', async () => {
    const seed = await readFile(SEED_ARTICLE, 'utf8');
    const added = await temp.library.addText({ text: seed, tags: ['ukraine'], url: 'https://example.org/talks' });
    const content = await readCapture(temp.path, added.id);
    const sealed = readSealedManifest(content)!;
    const record = temp.library.record(added.id);
    expect(sealed.manifest).toMatchObject({
      format: 'cuttings.capture-manifest',
      article: added.id,
      event: 'captured',
      method: 'paste',
      captured: record.provenance.captured,
      url: 'https://example.org/talks',
      original: { sha256: record.provenance.originalSha256, kind: 'txt' },
      text: { sha256: record.provenance.textSha256 },
      images: [],
    });
    // Tags are the user's organising, not evidence.
    expect(sealed.bytes.toString()).not.toContain('ukraine"');
    expect(JSON.stringify(sealed.manifest)).not.toContain('"tags"');
    const keys = await LibraryKeys.open(temp.path);
    const key = keys.get(sealed.manifest.key)!;
    expect(key.algorithm).toBe('ed25519');
    expect(verifySignature('ed25519', key.publicKey, sealed.bytes, sealed.signature)).toBe(true);
    expect(await custody(temp.path)).toEqual([
      expect.objectContaining({ seq: 1, event: 'captured', items: [{ article: added.id, manifest: sealed.sha256 }], key: sealed.manifest.key, prev: '0'.repeat(64) }),
    ]);
    expect((await temp.library.evidenceStatus()).waiting).toBe(1);
    expect((await verifyLibrary(temp.library)).problems).toEqual([]);
  });

  it('signs a batch (an import) capture by capture, with one custody entry for it', async () => {
    const items = ['One', 'Two', 'Three'].map((title) => ({ kind: 'text' as const, request: { text: `${title}\n\nThe ${title.toLowerCase()} article of an import.` }, method: 'import' as const }));
    const { added } = await temp.library.addBatch(items);
    expect(added).toHaveLength(3);
    for (const article of added) expect(readSealedManifest(await readCapture(temp.path, article.id))!.manifest.event).toBe('imported');
    const entries = await custody(temp.path);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.items.map((item) => item.article)).toEqual(added.map((article) => article.id));
    expect((await verifyLibrary(temp.library)).problems).toEqual([]);
  });

  it('records a new version as a re-capture', async () => {
    const first = await temp.library.addText({ text: 'Budget\n\nThe council set its budget on Monday.', url: 'https://example.org/budget' });
    const outcome = await temp.library.addChecked(
      { kind: 'text', request: { text: 'Budget\n\nThe council set its budget on Tuesday.' }, method: 'url', provenance: { versionOf: first.id } },
      'version',
    );
    expect(outcome.status).toBe('added');
    const id = outcome.status === 'added' ? outcome.article.id : '';
    expect(readSealedManifest(await readCapture(temp.path, id))!.manifest).toMatchObject({ event: 'recaptured', versionOf: first.id });
    expect((await custody(temp.path)).map((entry) => entry.event)).toEqual(['captured', 'recaptured']);
  });
});

describe('a signing key that may not be used', () => {
  it('stops the capture with one line, and nothing is stored', async () => {
    const folder = await makeTempFolder();
    try {
      const keys = { folder: join(folder.path, 'keys'), protector: FILE_PERMISSIONS_ONLY };
      const library = await Library.open(join(folder.path, 'library'), { evidence: { keys } });
      try {
        await library.addText({ text: 'First\n\nSigned with a good key.' });
        await chmod(keyFilePath(keys, 'signing'), 0o640);
        // The library holds the key it loaded; a new session reads the file again.
        await library.close();
        const again = await Library.open(join(folder.path, 'library'), { evidence: { keys } });
        await expect(again.addText({ text: 'Second\n\nNot signed.' })).rejects.toThrow(/^keys: .+signing-key\.json can be read or changed by other users \(mode 640\)/u);
        expect(again.list()).toHaveLength(1);
        expect((await readdir(join(folder.path, 'library', 'articles'), { recursive: true })).filter((name) => name.endsWith('.capture'))).toHaveLength(1);
        expect(await custody(join(folder.path, 'library'))).toHaveLength(1);
        await again.close();
      } finally {
        await library.close().catch(() => undefined);
      }
    } finally {
      await folder.remove();
    }
  });
});

describe('timestamps', () => {
  const temp = useTempLibrary();

  it('wait while the TSA is offline, and every capture gets its token once it answers', async () => {
    await temp.library.trustTsaRoots(tsa.caPem, 'ca.pem');
    await temp.library.chooseTsa(tsa.url);
    await tsa.stop();
    try {
      const first = await temp.library.addText({ text: 'Offline one\n\nCaptured with the TSA away.' });
      const second = await temp.library.addText({ text: 'Offline two\n\nCaptured with the TSA away too.' });
      const offline = await temp.library.timestampWaiting();
      expect(offline.stamped).toBe(0);
      expect(offline.waiting).toBe(2);
      expect(offline.error).toMatch(new RegExp(`^timestamp: cannot reach the TSA at ${tsa.url.replace(/[.]/gu, '\\.')}: ECONNREFUSED$`, 'u'));
      expect((await temp.library.evidenceStatus()).waiting).toBe(2);
      expect(await readTimestamp(temp.path, first.id)).toBeNull();
      await tsa.start();
      expect(await temp.library.timestampWaiting()).toEqual({ stamped: 2, waiting: 0, error: null, untrusted: null });
      for (const article of [first, second]) {
        const sealed = readSealedManifest(await readCapture(temp.path, article.id))!;
        const verdict = checkTimestampReply((await readTimestamp(temp.path, article.id))!, sealed.bytes, { anchors: [new X509Certificate(tsa.caPem)] });
        expect(isVerified(verdict)).toBe(true);
      }
      // The queue is empty on disk too: a new session has nothing waiting.
      const reopened = await temp.reopen();
      expect((await reopened.evidenceStatus()).waiting).toBe(0);
      expect((await verifyLibrary(reopened)).problems).toEqual([]);
    } finally {
      await tsa.start();
    }
  });

  it('are refused, and nothing stored, when the TSA answers garbage or a token for another hash', async () => {
    await temp.library.chooseTsa(tsa.url);
    const added = await temp.library.addText({ text: 'Garbage\n\nA TSA that answers nonsense.' });
    for (const [mode, message] of [
      ['garbage', /^timestamp: the TSA's answer is not an RFC 3161 timestamp reply \(.+\) \(from http:\/\/127\.0\.0\.1:\d+\/tsr\)$/u],
      ['other-hash', /^timestamp: the token is for another hash: it stamps [0-9a-f]{64}, the manifest's SHA256 is [0-9a-f]{64} \(from http/u],
      ['http-error', /^timestamp: the TSA at http:\/\/127\.0\.0\.1:\d+\/tsr answered HTTP 500 Internal Server Error$/u],
    ] as const) {
      tsa.mode = mode;
      try {
        const result = await temp.library.timestampWaiting();
        expect(result.stamped).toBe(0);
        expect(result.waiting).toBe(1);
        expect(result.error).toMatch(message);
      } finally {
        tsa.mode = 'ok';
      }
      expect(await readTimestamp(temp.path, added.id)).toBeNull();
    }
    expect((await temp.library.evidenceStatus()).lastError).toMatch(/answered HTTP 500/u);
  });

  it('are sent in the background when the app asks for that, again and again until the TSA answers', async () => {
    const folder = await makeTempFolder();
    const library = await Library.open(join(folder.path, 'library'), { evidence: { autoTimestamp: true, retryMs: 100 } });
    try {
      await library.trustTsaRoots(tsa.caPem, 'ca.pem');
      await tsa.stop();
      await library.chooseTsa(tsa.url);
      const added = await library.addText({ text: 'Background\n\nSent when the TSA is back.' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await library.evidenceStatus()).waiting).toBe(1);
      await tsa.start();
      await expect.poll(async () => (await library.evidenceStatus()).waiting, { timeout: 10_000 }).toBe(0);
      expect(await readTimestamp(library.path, added.id)).not.toBeNull();
    } finally {
      await tsa.start();
      await library.close();
      await folder.remove();
    }
  });

  it('need a TSA: without one, sending says so', async () => {
    await expect(temp.library.timestampWaiting()).rejects.toThrow('timestamp: no TSA is chosen for this library; choose one in Settings, or give one with --tsa URL');
    await expect(temp.library.chooseTsa('ftp://tsa.example/')).rejects.toThrow('timestamp: a TSA is reached over http or https, not ftp (ftp://tsa.example/)');
  });
});
