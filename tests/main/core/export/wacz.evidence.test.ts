/**
 * A WACZ exported from a library is signed with the user's ECDSA P-384 key as WACZ Signing
 * 0.1.0 gives for an anonymous signature, in the form ReplayWeb.page checks (the check itself
 * is pinned in tests/main/core/evidence/wacz-signature.test.ts, and a WACZ from the Export
 * dialog is verified by ReplayWeb.page in tests/e2e/wacz-replay.spec.ts); the key is recorded
 * among the library's keys and the export in the custody log.
 */
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCustodyLines } from '../../../../main/core/evidence/custody-log';
import { FILE_PERMISSIONS_ONLY, keyFilePath, loadOrCreateKey, type KeyFolder } from '../../../../main/core/evidence/key-store';
import { LibraryKeys } from '../../../../main/core/evidence/library-keys';
import { checkWaczSignature } from '../../../../main/core/evidence/wacz-signature';
import { exportArticles } from '../../../../main/core/export';
import { Library } from '../../../../main/core/library';
import { makeTempFolder } from '../../../paths';
import { readZip } from '../archive/read-zip';

let folder: { path: string; remove: () => Promise<void> };
let keys: KeyFolder;
let library: Library;
beforeEach(async () => {
  folder = await makeTempFolder();
  keys = { folder: join(folder.path, 'keys'), protector: FILE_PERMISSIONS_ONLY };
  library = await Library.open(join(folder.path, 'library'), { evidence: { keys, label: 'reporter@newsroom' } });
});
afterEach(async () => {
  await library.close();
  await folder.remove();
});

describe('a WACZ exported from a library', () => {
  it('is signed with the user’s WACZ key, recorded in the library, and the export is in the custody log', async () => {
    for (const title of ['Harbour', 'Tram']) await library.addText({ text: `${title}\n\nThe ${title.toLowerCase()} plan was shelved on Friday.` });
    const path = join(folder.path, 'signed.wacz');
    await exportArticles(library, 'wacz', {}, path);
    const entries = await readZip(path);
    const verdict = checkWaczSignature(entries.get('datapackage-digest.json')!.bytes, entries.get('datapackage.json')!.bytes);
    const waczKey = await loadOrCreateKey(keys, 'wacz');
    expect(verdict).toMatchObject({ verified: true, fingerprint: waczKey.fingerprint, software: expect.stringMatching(/^Cuttings /u) });
    expect((await LibraryKeys.open(library.path)).get(waczKey.fingerprint)).toMatchObject({ algorithm: 'ecdsa-p384', label: 'reporter@newsroom (WACZ packages)' });
    const entriesOfLog = [];
    for await (const { entry } of readCustodyLines(library.path)) entriesOfLog.push(entry!);
    expect(entriesOfLog.at(-1)).toMatchObject({ event: 'exported', detail: 'wacz to signed.wacz' });
    expect(entriesOfLog.at(-1)!.items).toHaveLength(2);
  });

  it('is not written when the WACZ key may not be used, with one line naming the file', async () => {
    await library.addText({ text: 'Harbour\n\nThe harbour plan was shelved on Friday.' });
    await loadOrCreateKey(keys, 'wacz');
    await chmod(keyFilePath(keys, 'wacz'), 0o644);
    const path = join(folder.path, 'refused.wacz');
    await expect(exportArticles(library, 'wacz', {}, path)).rejects.toThrow(/^keys: .+wacz-key\.json can be read or changed by other users \(mode 644\)/u);
    await expect(readZip(path)).rejects.toThrow();
  });
});
