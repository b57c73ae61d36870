// With `fetch`, an import fetches and clips the pages of URL-only records (bookmarks, Pocket
// items); a page that cannot be had leaves its record URL-only, and the report says why.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPath } from '../../../../main/core/import';
import { readCapture } from '../../../../main/core/storage/captures';
import { startTestServer, type TestServer } from '../fetch/test-server';
import { useTempLibrary } from '../../../temp-library';

let server: TestServer;
const temp = useTempLibrary();

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await server.close();
});

describe('importing URL-only records with fetch', () => {
  it('clips the pages it can fetch and keeps the others URL-only, saying why', async () => {
    const bookmarks = join(temp.folder, 'bookmarks.html');
    await writeFile(
      bookmarks,
      `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<DL><p>
<DT><A HREF="${server.url('/bbc/business/001')}" TAGS="markets">Saved story</A>
<DT><A HREF="${server.url('/missing')}">Gone</A>
</DL><p>`,
    );
    const report = await importPath(temp.library, bookmarks, { fetch: {} });
    expect(report.imported).toBe(2);
    expect(report.urlOnly).toBe(1);
    expect(report.unfetched).toEqual([{ item: expect.any(String), message: expect.stringContaining('404') }]);
    const stored = temp.library.list().map((summary) => temp.library.record(summary.id));
    const story = stored.find((record) => record.tags.includes('markets'))!;
    expect(story.provenance.finalUrl).toBe(server.url('/bbc/business/001'));
    expect((await readCapture(temp.library.path, story.id)).text.length).toBeGreaterThan(500);
    const gone = stored.find((record) => record.title === 'Gone')!;
    expect((await readCapture(temp.library.path, gone.id)).text).toBe(server.url('/missing'));
  });
});
