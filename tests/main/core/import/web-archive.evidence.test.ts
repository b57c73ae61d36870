/**
 * A colleague's WACZ or WARC imported by someone with another key: each cutting's metadata
 * record names the public key that signed its manifest, the importing library learns it, and
 * `cuttings verify` finds the signatures good there.
 */
import { join } from 'node:path';
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
        expect(await importPath(mine, path)).toMatchObject({ imported: 1, failed: [] });
        expect((await LibraryKeys.open(mine.path)).get(signer)).toMatchObject({ algorithm: 'ed25519', label: 'colleague (captures)' });
        expect((await verifyLibrary(mine)).problems).toEqual([]);
      } finally {
        await mine.close();
      }
    });
  }
});
