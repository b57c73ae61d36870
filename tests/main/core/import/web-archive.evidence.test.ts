/**
 * A colleague's WACZ or WARC imported by someone with another key: each cutting's metadata
 * record names the public key that signed its manifest, the importing library learns it, and
 * `cuttings verify` finds the signatures good there.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSealedManifest } from '../../../../main/core/evidence/capture-manifest';
import { FILE_PERMISSIONS_ONLY } from '../../../../main/core/evidence/key-store';
import { LibraryKeys } from '../../../../main/core/evidence/library-keys';
import { exportArticles } from '../../../../main/core/export';
import { importPath } from '../../../../main/core/import';
import { Library } from '../../../../main/core/library';
import { verifyLibrary } from '../../../../main/core/library/verify';
import { readCapture } from '../../../../main/core/storage/captures';
import { makeTempFolder } from '../../../paths';

let folder: { path: string; remove: () => Promise<void> };
const open = (name: string) => Library.open(join(folder.path, name), { evidence: { keys: { folder: join(folder.path, `${name}-keys`), protector: FILE_PERMISSIONS_ONLY }, label: name } });

beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(() => folder.remove());

describe('a web archive carries the keys that signed its cuttings', () => {
  for (const format of ['wacz', 'warc'] as const) {
    it(`${format}: the cuttings verify in another user's library`, async () => {
      const colleague = await open('colleague');
      const path = join(folder.path, `colleague.${format === 'wacz' ? 'wacz' : 'warc.gz'}`);
      let signer: string;
      try {
        const added = await colleague.addText({ text: 'Harbour\n\nThe harbour plan was shelved on Friday.' });
        signer = readSealedManifest(await readCapture(colleague.path, added.id))!.manifest.key;
        await exportArticles(colleague, format, {}, path);
      } finally {
        await colleague.close();
      }
      const mine = await open('mine');
      try {
        const report = await importPath(mine, path);
        expect(report).toMatchObject({ imported: 1, failed: [] });
        if (format === 'wacz') expect(report.notes).toEqual([expect.stringMatching(/^signed \(WACZ Signing 0\.1\.0\) by the ECDSA P-384 key SHA256:[0-9a-f ]+ on \d{4}-\d\d-\d\dT[\d:.]+Z with Cuttings \S+: the signature verifies$/u)]);
        expect((await LibraryKeys.open(mine.path)).get(signer)).toMatchObject({ algorithm: 'ed25519', label: 'colleague (captures)' });
        expect((await verifyLibrary(mine)).problems).toEqual([]);
      } finally {
        await mine.close();
      }
    });
  }

  it('wacz: a signature that does not hold is said in the import’s notes, and nothing is called verified', async () => {
    const colleague = await open('colleague');
    const path = join(folder.path, 'colleague.wacz');
    try {
      await colleague.addText({ text: 'Harbour\n\nThe harbour plan was shelved on Friday.' });
      await exportArticles(colleague, 'wacz', {}, path);
    } finally {
      await colleague.close();
    }
    const files = unzipSync(await readFile(path));
    const digest = JSON.parse(strFromU8(files['datapackage-digest.json']!)) as { signedData: { signature: string } };
    const signature = Buffer.from(digest.signedData.signature, 'base64');
    signature[5] = signature[5]! ^ 1;
    digest.signedData.signature = signature.toString('base64');
    const altered = join(folder.path, 'altered.wacz');
    await writeFile(altered, zipSync({ ...files, 'datapackage-digest.json': strToU8(JSON.stringify(digest)) }, { level: 0 }));
    const mine = await open('mine');
    try {
      const report = await importPath(mine, altered);
      expect(report.notes).toEqual(['signed, but the signature does not hold: the signature does not verify with signedData.publicKey (the digest or the signature was altered)']);
    } finally {
      await mine.close();
    }
  });
});
