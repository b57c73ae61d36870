import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readSealedManifest } from '../../../../main/core/evidence/capture-manifest';
import { readCustodyLines } from '../../../../main/core/evidence/custody-log';
import { FILE_PERMISSIONS_ONLY } from '../../../../main/core/evidence/key-store';
import { LibraryKeys } from '../../../../main/core/evidence/library-keys';
import { readTimestamp } from '../../../../main/core/evidence/timestamp-queue';
import { exportArchive } from '../../../../main/core/export/archive';
import { importArchive } from '../../../../main/core/import/archive';
import { Library } from '../../../../main/core/library';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { readCapture } from '../../../../main/core/storage/captures';
import { makeTempFolder } from '../../../paths';
import { startTestTsa, type TestTsa } from '../../../test-tsa';

// A colleague's archive: captured and timestamped under their key, imported by someone with
// another key. The evidence must arrive whole and verify in the new library.
let tsa: TestTsa;
beforeAll(async () => {
  tsa = await startTestTsa();
});
afterAll(() => tsa.close());

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
let ids: string[];
let archive: Record<string, Uint8Array>;
let colleagueKey: string;

const keysOf = (name: string) => ({ keys: { folder: join(folder.path, `${name}-keys`), protector: FILE_PERMISSIONS_ONLY }, label: name });

beforeEach(async () => {
  folder = await makeTempFolder();
  const colleague = await Library.open(join(folder.path, 'colleague'), { evidence: keysOf('colleague') });
  try {
    await colleague.trustTsaRoots(tsa.caPem, 'ca.pem');
    await colleague.chooseTsa(tsa.url);
    ids = [];
    for (const title of ['Harbour', 'Tram']) ids.push((await colleague.addText({ text: `${title}\n\nThe ${title.toLowerCase()} plan was shelved on Friday.` })).id);
    expect((await colleague.timestampWaiting()).stamped).toBe(2);
    colleagueKey = readSealedManifest(await readCapture(colleague.path, ids[0]!))!.manifest.key;
    const path = join(folder.path, 'colleague.zip');
    await exportArchive(colleague, ids.map((id) => colleague.record(id)), path);
    archive = unzipSync(await readFile(path));
  } finally {
    await colleague.close();
  }
});
afterEach(async () => {
  await folder.remove();
});

async function importInto(name: string, files: Record<string, Uint8Array>) {
  const path = join(folder.path, `${name}.zip`);
  await writeFile(path, zipSync(files));
  const library = await Library.open(join(folder.path, name), { evidence: keysOf(name) });
  await library.trustTsaRoots(tsa.caPem, 'ca.pem');
  return { library, run: () => importArchive(library, path) };
}

describe('an archive carries its evidence', () => {
  it('holds each capture’s timestamp and the public key that signed them', () => {
    for (const id of ids) expect(archive[`articles/${id}/timestamp.tsr`]?.length).toBeGreaterThan(100);
    const keys = JSON.parse(Buffer.from(archive['evidence/keys.json']!).toString('utf8')) as { keys: { fingerprint: string; label: string }[] };
    expect(keys.keys).toEqual([expect.objectContaining({ fingerprint: colleagueKey, label: 'colleague (captures)' })]);
  });

  it('verifies in the library it is imported into: the colleague’s key learnt, the timestamps kept, nothing sent again', async () => {
    const { library, run } = await importInto('mine', archive);
    try {
      const answered = tsa.answered;
      expect((await run()).imported).toBe(2);
      const known = await LibraryKeys.open(library.path);
      expect(known.get(colleagueKey)).toMatchObject({ algorithm: 'ed25519', label: 'colleague (captures)' });
      for (const id of ids) expect(await readTimestamp(library.path, id)).toEqual(Buffer.from(archive[`articles/${id}/timestamp.tsr`]!));
      expect((await library.evidenceStatus()).waiting).toBe(0);
      expect((await library.timestampWaiting({ tsa: tsa.url })).stamped).toBe(0);
      expect(tsa.answered).toBe(answered);
      expect((await verifyLibrary(library)).problems).toEqual([]);
      // The import is on this library's record, signed with this user's key, not the colleague's.
      const entries = [];
      for await (const { entry } of readCustodyLines(library.path)) entries.push(entry!);
      expect(entries).toEqual([expect.objectContaining({ event: 'imported', items: ids.map((id) => expect.objectContaining({ article: id })) })]);
      expect(entries[0]!.key).not.toBe(colleagueKey);
    } finally {
      await library.close();
    }
  });

  it('refuses an archive whose list of keys was tampered with, in one line, importing nothing', async () => {
    const keys = JSON.parse(Buffer.from(archive['evidence/keys.json']!).toString('utf8')) as { keys: { fingerprint: string }[] };
    keys.keys[0]!.fingerprint = '0'.repeat(64);
    const tampered = { ...archive, 'evidence/keys.json': strToU8(JSON.stringify(keys)) };
    const { library, run } = await importInto('tampered', tampered);
    try {
      await expect(run()).rejects.toThrow(/^archive: .+tampered\.zip: evidence\/keys\.json does not match its SHA-256 in the manifest$/u);
      expect(library.list()).toHaveLength(0);
    } finally {
      await library.close();
    }
  });

  it('refuses a list of keys whose fingerprint is not its key’s, even with the manifest’s hash made to match', async () => {
    const keys = JSON.parse(Buffer.from(archive['evidence/keys.json']!).toString('utf8')) as { keys: { fingerprint: string }[] };
    keys.keys[0]!.fingerprint = '0'.repeat(64);
    const forged = strToU8(JSON.stringify(keys));
    const manifest = JSON.parse(Buffer.from(archive['manifest.json']!).toString('utf8')) as { files: { path: string; bytes: number; sha256: string }[] };
    for (const file of manifest.files) if (file.path === 'evidence/keys.json') Object.assign(file, { bytes: forged.length, sha256: createHash('sha256').update(forged).digest('hex') });
    const { library, run } = await importInto('forged', { ...archive, 'evidence/keys.json': forged, 'manifest.json': strToU8(JSON.stringify(manifest)) });
    try {
      await expect(run()).rejects.toThrow(/^archive: .+forged\.zip: evidence\/keys\.json: key 1's fingerprint is not its public key's$/u);
      expect(library.list()).toHaveLength(0);
    } finally {
      await library.close();
    }
  });
});
