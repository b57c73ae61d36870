import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportArchive } from '../../../../main/core/export/archive';
import { SCHEMA_VERSION } from '../../../../main/core/export/schema';
import { importArchive } from '../../../../main/core/import/archive';
import { Library } from '../../../../main/core/library';
import { capturePath } from '../../../../main/core/storage/captures';
import { makeTempFolder } from '../../../paths';

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
let ids: string[];
let archive: Record<string, Uint8Array>;
beforeEach(async () => {
  folder = await makeTempFolder();
  const library = await Library.open(join(folder.path, 'source'));
  ids = [];
  for (const title of ['First report', 'Second report']) ids.push((await library.addText({ text: `${title}\n\nTalks went on in Geneva about ${title}.` })).id);
  const path = join(folder.path, 'good.zip');
  await exportArchive(library, ids.map((id) => library.record(id)), path).finally(() => library.close());
  archive = unzipSync(await readFile(path));
});
afterEach(async () => {
  await folder.remove();
});

async function importInto(name: string, files: Record<string, Uint8Array>) {
  const path = join(folder.path, `${name}.zip`);
  await writeFile(path, zipSync(files));
  const library = await Library.open(join(folder.path, name));
  try {
    return { report: await importArchive(library, path), articles: library.info().articles, path: library.path };
  } finally {
    await library.close();
  }
}

describe('importing an archive', () => {
  it('imports each article whole or not at all: a tampered file fails that article only, leaving nothing of it', async () => {
    const tampered = { ...archive, [`articles/${ids[0]}/article.json`]: strToU8('{"id":"forged"}') };
    const { report, articles, path } = await importInto('tampered', tampered);
    expect(report.imported).toBe(1);
    expect(report.failed).toEqual([{ item: `article ${ids[0]} ("First report")`, message: `articles/${ids[0]}/article.json does not match its SHA-256 in the manifest` }]);
    expect(articles).toBe(1);
    expect(existsSync(capturePath(path, ids[0]!))).toBe(false);
  });

  it('fails an article whose original is missing, naming what is missing', async () => {
    const { [`articles/${ids[1]}/original.txt`]: _gone, ...rest } = archive;
    const { report } = await importInto('missing', rest);
    expect(report.failed).toEqual([{ item: `article ${ids[1]} ("Second report")`, message: `articles/${ids[1]} has no original (original.html, .txt, .pdf or .mhtml)` }]);
  });

  it('refuses an archive from a newer Cuttings, and a zip with no manifest, importing nothing', async () => {
    const manifest = JSON.parse(Buffer.from(archive['manifest.json']!).toString('utf8'));
    const newer = { ...archive, 'manifest.json': strToU8(JSON.stringify({ ...manifest, schemaVersion: SCHEMA_VERSION + 1 })) };
    await expect(importInto('newer', newer)).rejects.toThrow(`was written with schema version ${SCHEMA_VERSION + 1}; this Cuttings reads up to ${SCHEMA_VERSION}: update Cuttings to import it`);
    const { 'manifest.json': _m, ...bare } = archive;
    await expect(importInto('bare', bare)).rejects.toThrow(/has no manifest\.json; it is not a Cuttings archive$/u);
    await expect(importInto('pocket', { 'part_000000.csv': strToU8('title,url,time_added,tags,status\n') })).rejects.toThrow(
      "has no manifest.json; it is not a Cuttings archive (it looks like Pocket's export: unzip it and import the .csv file inside)",
    );
  });

  it('refuses a malicious archive before writing anything', async () => {
    const evil = { ...archive, '../outside.txt': strToU8('escaped') };
    await expect(importInto('evil', evil)).rejects.toThrow('entry "../outside.txt" climbs out of the archive with ".."');
    expect(existsSync(join(folder.path, 'outside.txt'))).toBe(false);
    const library = await Library.open(join(folder.path, 'evil'));
    expect(library.info().articles).toBe(0);
    await library.close();
  });
});

describe('importing an archive with notes and highlights', () => {
  async function annotatedArchive(): Promise<{ files: Record<string, Uint8Array>; id: string }> {
    const library = await Library.open(join(folder.path, 'annotated-source'));
    try {
      const { id } = await library.addText({ text: 'Geneva talks\n\nThe ministers met for ninety minutes.' });
      await library.setNote(id, 'A **note**');
      await library.addHighlight({ id, quote: 'ninety minutes', comment: 'long?' });
      await library.editDetails(id, { author: 'A. Writer' });
      const path = join(folder.path, 'annotated.zip');
      await exportArchive(library, [library.record(id)], path);
      return { files: unzipSync(await readFile(path)), id };
    } finally {
      await library.close();
    }
  }

  it('brings the note, highlights and edited details back exactly, searchable', async () => {
    const { files, id } = await annotatedArchive();
    const path = join(folder.path, 'annotated-copy.zip');
    await writeFile(path, zipSync(files));
    const library = await Library.open(join(folder.path, 'annotated-target'));
    try {
      expect((await importArchive(library, path)).imported).toBe(1);
      const article = await library.get(id);
      expect(article.note).toBe('A **note**');
      expect(article.highlights).toMatchObject([{ quote: 'ninety minutes', comment: 'long?' }]);
      expect((await library.search('has:highlights has:notes')).total).toBe(1);
      expect(article).toMatchObject({ author: 'A. Writer', edited: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/u) });
    } finally {
      await library.close();
    }
  });

  it('fails an article whose highlight is not in its text, or whose note is not text, importing nothing of it', async () => {
    const { files, id } = await annotatedArchive();
    const catalog = Buffer.from(files['catalog.jsonl']!).toString('utf8');
    const forge = (line: string) => {
      const forged = strToU8(line);
      const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'));
      for (const file of manifest.files) if (file.path === 'catalog.jsonl') Object.assign(file, { bytes: forged.byteLength, sha256: createHash('sha256').update(forged).digest('hex') });
      return { ...files, 'catalog.jsonl': forged, 'manifest.json': strToU8(JSON.stringify(manifest)) };
    };
    const moved = await importInto('moved', forge(catalog.replace('"quote":"ninety minutes"', '"quote":"ninety hours"')));
    expect(moved.report.failed).toEqual([{ item: `article ${id} ("Geneva talks")`, message: 'highlight 1 ("ninety hours") is not in the article\'s text' }]);
    expect(moved.articles).toBe(0);
    const numeric = await importInto('numeric', forge(catalog.replace('"note":"A **note**"', '"note":42')));
    expect(numeric.report.failed[0]!.message).toContain('"note" must be a string');
    expect(numeric.articles).toBe(0);
    const edited = await importInto('edited', forge(catalog.replace(/"edited":"[^"]*"/u, '"edited":42')));
    expect(edited.report.failed[0]!.message).toBe('"edited" must be a time (ISO 8601) or absent');
    expect(edited.articles).toBe(0);
  });
});
