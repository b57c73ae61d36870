/**
 * What a cutting's provenance says for web archives: a page fetched by address says whether
 * its HTTP headers were kept (those clipped before Cuttings kept them say they were not, and
 * leave a WARC as resource records), in `library.get`, `cuttings show` and the reader's
 * provenance list; what was not fetched says nothing of headers.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_HEADERS_SAID } from '../../../../common/article';
import { Library } from '../../../../main/core/library';
import { makeTempFolder } from '../../../paths';
import { fillHarbourLibrary, startHarbourServer, type HarbourCuttings } from '../../core/archive/web-archive-library';
import { runCli } from '../run-cli';

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
let libraryPath = '';
let ids: HarbourCuttings;

beforeAll(async () => {
  folder = await makeTempFolder();
  libraryPath = join(folder.path, 'library');
  const server = await startHarbourServer();
  const library = await Library.open(libraryPath);
  try {
    ids = await fillHarbourLibrary(library, server.url);
  } finally {
    await library.close();
    await server.close();
  }
}, 60_000);
afterAll(async () => {
  await folder.remove();
});

describe('a cutting says whether its HTTP headers were kept', () => {
  it('in the article: kept for a page fetched now, not kept for one fetched before, nothing for the rest', async () => {
    const library = await Library.open(libraryPath, { readOnly: true });
    try {
      expect((await library.get(ids.story)).httpHeaders).toBe('kept');
      expect((await library.get(ids.moved)).httpHeaders).toBe('kept');
      expect((await library.get(ids.old)).httpHeaders).toBe('not kept');
      expect((await library.get(ids.pasted)).httpHeaders).toBeUndefined();
      expect((await library.get(ids.saved)).httpHeaders).toBeUndefined();
    } finally {
      await library.close();
    }
  });

  it('in cuttings show', async () => {
    const show = async (id: string) => (await runCli(['show', id], { CUTTINGS_LIBRARY: libraryPath })).stdout;
    expect(await show(ids.old)).toContain(`\nHeaders:   ${HTTP_HEADERS_SAID['not kept']}\n`);
    expect(HTTP_HEADERS_SAID['not kept']).toContain('resource record');
    expect(await show(ids.story)).toContain(`\nHeaders:   ${HTTP_HEADERS_SAID.kept}\n`);
    expect(await show(ids.pasted)).not.toContain('Headers:');
  });
});
