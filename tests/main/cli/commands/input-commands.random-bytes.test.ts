// Every command that takes what a user gives — `import` in each format, `add` of each kind of
// file and of standard input, `extract` — given random bytes, or a real sample cut short or
// with junk spliced in, either stores something or refuses with one clear line naming the
// module: never an internal error or a stack trace, never a partial article (the library
// verifies after it all). The samples are real: a library's own exports, the import fixtures
// in each tool's format, a seed article, a PDF.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../../core/capture/make-pdf';
import { IMPORT_FIXTURES } from '../../core/import/import-into';
import { makeTempFolder, SEED_ARTICLE } from '../../../paths';
import { runCli, type CliRun } from '../run-cli';

let folder: { path: string; remove: () => Promise<void> };
let libraryPath: string;
let file = 0;
const samples = new Map<string, Buffer>();

const run = (args: string[], stdin: string | Buffer = '') => runCli(args, { CUTTINGS_LIBRARY: libraryPath }, stdin);

const STORY = `<!doctype html><html lang="en"><head><title>Bridge closed to lorries</title></head><body><article><h1>Bridge closed to lorries</h1>
<p>The council voted on Tuesday to close the old bridge to lorries, after engineers found cracks in two of its piers.</p>
<p>Repairs would take most of the winter, the engineers warned, and the ferry would run extra crossings until spring.</p></article></body></html>`;

const MHTML = [
  'From: <Saved by Blink>',
  'Subject: Bridge closed to lorries',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related; type="text/html"; boundary="----B"',
  '',
  '------B',
  'Content-Type: text/html',
  'Content-Transfer-Encoding: quoted-printable',
  'Content-Location: https://gazette.example/bridge',
  '',
  STORY.replaceAll('=', '=3D'),
  '------B--',
  '',
].join('\r\n');

beforeAll(async () => {
  folder = await makeTempFolder();
  libraryPath = join(folder.path, 'library');
  // A library of three real articles, exported in each of our formats: the import samples.
  expect((await run(['add', SEED_ARTICLE, '--tag', 'seed'])).code).toBe(0);
  const html = join(folder.path, 'story.html');
  await writeFile(html, STORY);
  expect((await run(['add', html])).code).toBe(0);
  expect((await run(['add', '--stdin', '--title', 'Ferry times', '--tag', 'ferry'], 'The ferry runs every hour until spring.\nThen twice an hour.')).code).toBe(0);
  for (const [format, name] of [['json', 'export.json'], ['jsonl', 'export.jsonl'], ['csv', 'export.csv'], ['archive', 'export.zip']] as const) {
    const out = join(folder.path, name);
    expect((await run(['export', '--format', format, '--text', '-o', out])).code).toBe(0);
    samples.set(format, await readFile(out));
  }
  samples.set('jsonl-lines', Buffer.from(`${JSON.stringify({ title: 'Talks', text: 'Ministers met in Geneva on Friday.', tags: ['geneva'] })}\n`));
  for (const [format, name] of [['pocket', 'pocket.csv'], ['bookmarks', 'bookmarks.html'], ['wallabag', 'wallabag.json'], ['csl', 'zotero-csl.json'], ['ris', 'zotero.ris']] as const) {
    samples.set(format, await readFile(join(IMPORT_FIXTURES, name)));
  }
  samples.set('.txt', await readFile(SEED_ARTICLE));
  samples.set('.md', Buffer.from(`# Ferry times\n\nThe ferry runs **every hour** until spring.\n\n- then twice an hour\n`));
  samples.set('.html', Buffer.from(STORY));
  samples.set('.mhtml', Buffer.from(MHTML));
  samples.set('.pdf', makePdf([['Bridge closed to lorries', 'The council voted on Tuesday to close the old bridge.']], 'Bridge closed'));
}, 120_000);
afterAll(() => folder.remove());

/** Random bytes, or the sample cut short, or the sample with a run of random bytes spliced in. */
function mangled(sample: Buffer): fc.Arbitrary<Buffer> {
  return fc.oneof(
    fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
    fc.nat({ max: sample.length }).map((end) => sample.subarray(0, end)),
    fc
      .tuple(fc.nat({ max: sample.length }), fc.uint8Array({ minLength: 1, maxLength: 64 }))
      .map(([at, junk]) => Buffer.concat([sample.subarray(0, at), junk, sample.subarray(at)])),
  );
}

async function articleCount(): Promise<number> {
  const listed = await run(['list', '--json']);
  return (JSON.parse(listed.stdout) as unknown[]).length;
}

/** What every answer must be: a known exit status and no internal error; a refusal is one line naming the module. */
function expectClear(answer: CliRun): void {
  expect(answer.stderr).not.toMatch(/internal error|\n\s+at /u);
  expect(answer.stdout).not.toMatch(/internal error|\n\s+at /u);
  expect([0, 1, 3]).toContain(answer.code);
  if (answer.code === 1) expect(answer.stderr).toMatch(/^cuttings: [a-z][a-z0-9 -]*: [^\n]+\n$/u);
}

const RUNS = 8;

describe('given random or damaged bytes', () => {
  it.each(['json', 'jsonl', 'csv', 'archive', 'jsonl-lines', 'pocket', 'bookmarks', 'wallabag', 'csl', 'ris'])(
    'import --format %s stores whole articles or refuses in one line',
    async (format) => {
      await fc.assert(
        fc.asyncProperty(mangled(samples.get(format)!), async (bytes) => {
          const path = join(folder.path, `import-${file++}`);
          await writeFile(path, bytes);
          const answer = await run(['import', path, '--format', format, '--json']);
          expectClear(answer);
          if (answer.code === 0) {
            // Each line that failed says why in one line.
            const report = JSON.parse(answer.stdout) as { failed: { message: string }[] };
            for (const failure of report.failed) expect(failure.message).toMatch(/^[^\n]+$/u);
          }
        }),
        { numRuns: RUNS },
      );
    },
  );

  it.each(['.txt', '.md', '.html', '.mhtml', '.pdf'])('add of a %s file stores an article or refuses in one line, storing nothing', async (extension) => {
    await fc.assert(
      fc.asyncProperty(mangled(samples.get(extension)!), fc.boolean(), async (bytes, titled) => {
        const path = join(folder.path, `add-${file++}${extension}`);
        await writeFile(path, bytes);
        const before = await articleCount();
        const answer = await run(['add', path, '--on-duplicate', 'keep', ...(titled ? ['--title', 'Given title'] : [])]);
        expectClear(answer);
        expect(await articleCount()).toBe(answer.code === 0 ? before + 1 : before);
      }),
      { numRuns: RUNS },
    );
  });

  it('add --stdin stores an article or refuses in one line, storing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mangled(samples.get('.txt')!), mangled(samples.get('.html')!)), fc.boolean(), async (bytes, titled) => {
        const before = await articleCount();
        const answer = await run(['add', '--stdin', '--on-duplicate', 'keep', ...(titled ? ['--title', 'Given title'] : [])], bytes);
        expectClear(answer);
        expect(await articleCount()).toBe(answer.code === 0 ? before + 1 : before);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('extract answers or refuses in one line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('.html', '.txt', '.pdf', '.mhtml'), fc.nat(), async (extension, pick) => {
        const [bytes] = fc.sample(mangled(samples.get(extension)!), { numRuns: 1, seed: pick });
        const path = join(folder.path, `extract-${file++}${extension}`);
        await writeFile(path, bytes!);
        const answer = await run(['extract', path, '--json']);
        expectClear(answer);
        if (answer.code === 0) expect(JSON.parse(answer.stdout)).toHaveProperty('text');
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('leaves a library that verifies: no partial article anywhere', async () => {
    const verified = await run(['verify']);
    expect(verified.stdout + verified.stderr).not.toMatch(/internal error/u);
    expect(verified.code).toBe(0);
  });
});
