/**
 * Web archives Cuttings did not write: GNU wget's `--warc-file` crawl of a local site (a page
 * sent gzipped, its images, a page behind two redirects, an index page), and a WACZ packed
 * from that WARC by Harvard LIL's js-wacz, whose pages.jsonl decides what is a page. The
 * server is closed before each import: images must come from the archive, nothing fetched.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportArticles } from '../../../../main/core/export';
import { importPath } from '../../../../main/core/import';
import { Library } from '../../../../main/core/library';
import { assetReferences, readAsset } from '../../../../main/core/storage/assets';
import { makeTempFolder, REPO_ROOT } from '../../../paths';
import { readWarc } from '../archive/read-warc';
import { STORY_SENTENCE, startHarbourServer } from '../archive/web-archive-library';
import { readZip } from '../archive/read-zip';

const run = promisify(execFile);

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
let warcPath = '';
let waczPath = '';
let base = '';

beforeAll(async () => {
  folder = await makeTempFolder();
  const server = await startHarbourServer();
  base = server.url('');
  try {
    // A crawl as an archivist makes one: the index page, what it links to one level down, and each page's images.
    await run('wget', ['--warc-file=crawl', '--compression=auto', '--recursive', '--level=1', '--page-requisites', '--no-verbose', '-e', 'robots=off', '--directory-prefix=site', server.url('/index')], { cwd: folder.path }).catch((error: { stderr?: string }) => {
      // wget exits 8 for the 404s of a crawl (its index page is one): the WARC is still whole.
      if (!/crawl/u.test(String(error.stderr ?? '')) && (error as { code?: number }).code !== 8) throw error;
    });
  } finally {
    await server.close();
  }
  warcPath = join(folder.path, 'crawl.warc.gz');
  waczPath = join(folder.path, 'site.wacz');
  await run(process.execPath, [join(REPO_ROOT, 'node_modules', '@harvard-lil', 'js-wacz', 'bin', 'cli.js'), 'create', '-f', warcPath, '-o', waczPath, '--log-level', 'error'], { cwd: folder.path });
}, 120_000);
afterAll(async () => {
  await folder.remove();
});

describe('a WARC written by wget', () => {
  it('imports each HTML page as a cutting, with its images from the archive and the record it came from', async () => {
    const records = await readWarc(warcPath);
    const story = records.find((record) => record.type === 'response' && record.fields['warc-target-uri'] === `${base}/story`)!;
    expect(story).toBeDefined();
    const library = await Library.open(join(folder.path, 'from-warc'));
    try {
      const report = await importPath(library, warcPath);
      expect(report.format).toBe('warc');
      expect(report.failed).toEqual([]);
      const titles = library.list().map((summary) => summary.title).sort();
      expect(titles).toEqual(['Ferry timetable changes', 'Fleet home late', 'Harbour Times']);
      const cutting = library.list().find((summary) => summary.title === 'Fleet home late')!;
      const article = await library.get(cutting.id);
      expect(article.text).toContain(STORY_SENTENCE);
      expect(article.provenance).toMatchObject({
        method: 'import',
        originalUrl: `${base}/story`,
        httpStatus: 200,
        archived: { archive: 'crawl.warc.gz', recordId: story.fields['warc-record-id'], date: story.fields['warc-date'] },
      });
      // wget kept the page gzipped as it came; the cutting's original is the page itself.
      expect(article.html).toContain('The fleet at dusk');
      const images = assetReferences(article.html);
      expect(images).toHaveLength(2);
      for (const image of images) expect(await readAsset(library.path, image)).not.toBeNull();
      // Imported again: every page is a duplicate.
      const again = await importPath(library, warcPath);
      expect(again.imported).toBe(0);
      expect(again.duplicates).toHaveLength(3);
    } finally {
      await library.close();
    }
  });
});

describe('a WACZ packed by js-wacz', () => {
  it('is checked and imported, its pages.jsonl deciding which pages count', async () => {
    const entries = await readZip(waczPath);
    const pages = entries.get('pages/pages.jsonl')!.bytes.toString('utf8').trim().split('\n').slice(1).map((line) => JSON.parse(line).url as string);
    expect(pages.length).toBeGreaterThan(0);
    const library = await Library.open(join(folder.path, 'from-wacz'));
    try {
      const report = await importPath(library, waczPath);
      expect(report).toMatchObject({ format: 'wacz', failed: [] });
      // js-wacz 0.1.6 writes its WARCs' hashes with a known fault; the file is checked against it all the same.
      expect(report.notes?.[0]).toMatch(/^archive\/crawl\.warc\.gz's hash was written by @harvard-lil\/js-wacz 0\.1\.\d+ with its known fault .*harvard-lil\/js-wacz#127/u);
      const urls = library.list().map((summary) => library.record(summary.id).provenance.originalUrl);
      expect(urls.sort()).toEqual(pages.filter((url) => url.startsWith(base)).sort());
      const story = library.list().find((summary) => summary.title === 'Fleet home late')!;
      expect(library.record(story.id).provenance.archived?.archive).toBe('site.wacz');
      expect(assetReferences((await library.get(story.id)).html)).toHaveLength(2);
    } finally {
      await library.close();
    }
  });
});

describe('a WARC Cuttings wrote, packed by js-wacz', () => {
  it('comes back whole into an empty library, its hash checked across many 64 KiB blocks', async () => {
    const source = await Library.open(join(folder.path, 'source'));
    // Words that do not compress (random letters), so that the WARC spans many 64 KiB blocks.
    const word = () => randomBytes(6).toString('base64').replace(/[^a-z]/giu, 'x');
    const long = `A long report from the harbour\n\n${Array.from({ length: 800 }, (_, i) => `Paragraph ${i}: ${Array.from({ length: 50 }, word).join(' ')}.`).join('\n\n')}`;
    const copy = await Library.open(join(folder.path, 'copy'));
    try {
      const id = (await source.addText({ text: long, tags: ['harbour/board'] })).id;
      await source.setNote(id, 'Long, but worth it.');
      const warc = join(folder.path, 'own.warc.gz');
      const wacz = join(folder.path, 'own.wacz');
      await exportArticles(source, 'warc', {}, warc);
      await run(process.execPath, [join(REPO_ROOT, 'node_modules', '@harvard-lil', 'js-wacz', 'bin', 'cli.js'), 'create', '-f', warc, '-o', wacz, '--log-level', 'error'], { cwd: folder.path });
      expect((await readZip(wacz)).get('archive/own.warc.gz')!.bytes.length).toBeGreaterThan(3 * 64 * 1024);
      const report = await importPath(copy, wacz);
      expect(report).toMatchObject({ imported: 1, failed: [] });
      expect(copy.record(id)).toEqual(source.record(id));
      expect((await copy.get(id)).text).toBe((await source.get(id)).text);
    } finally {
      await source.close();
      await copy.close();
    }
  });
});
