import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportArchive } from '../../../../main/core/export/archive';
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
    const newer = { ...archive, 'manifest.json': strToU8(JSON.stringify({ ...manifest, schemaVersion: 2 })) };
    await expect(importInto('newer', newer)).rejects.toThrow(/was written with schema version 2; this Cuttings reads up to 1: update Cuttings to import it$/u);
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
