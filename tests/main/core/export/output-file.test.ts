import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportArticles } from '../../../../main/core/export';
import { writeFileAtomically } from '../../../../main/core/export/output-file';
import { Library } from '../../../../main/core/library';
import { makeTempFolder } from '../../../paths';

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(async () => {
  await folder.remove();
});

describe('writing an export', () => {
  it('leaves the old file untouched and no temporary file when writing fails half way', async () => {
    const target = join(folder.path, 'out.csv');
    await writeFile(target, 'the previous export');
    await expect(
      writeFileAtomically(target, async (sink) => {
        await sink.write('half of a new ');
        throw new Error('disk went away');
      }),
    ).rejects.toThrow(`export: cannot write ${target}: disk went away`);
    expect(await readFile(target, 'utf8')).toBe('the previous export');
    expect(await readdir(folder.path)).toEqual(['out.csv']);
  });

  it('stops when cancelled and leaves nothing at the target, whatever the format', async () => {
    const library = await Library.open(join(folder.path, 'lib'));
    try {
      for (let i = 0; i < 40; i++) await library.addText({ text: `Report ${i}\n\nThe text of report ${i}.` });
      for (const format of ['archive', 'jsonl', 'json', 'csv', 'md', 'html', 'datapackage'] as const) {
        const controller = new AbortController();
        const target = join(folder.path, `cancelled-${format}`);
        const exporting = exportArticles(library, format, {}, target, { text: true, signal: controller.signal });
        // As the dialog's Cancel would, while the export is under way.
        controller.abort();
        await expect(exporting).rejects.toThrow('export: cancelled; nothing was written');
        expect(existsSync(target), format).toBe(false);
      }
      expect((await readdir(folder.path)).filter((name) => name.startsWith('.'))).toEqual([]);
    } finally {
      await library.close();
    }
  });

  it('names a folder that does not exist', async () => {
    const library = await Library.open(join(folder.path, 'lib'));
    try {
      const target = join(folder.path, 'missing', 'out.csv');
      await expect(exportArticles(library, 'csv', {}, target)).rejects.toThrow(`export: cannot write ${target}: the folder ${join(folder.path, 'missing')} does not exist`);
      await expect(exportArticles(library, 'docx' as never, {}, target)).rejects.toThrow('export: unknown format "docx"; choose one of archive, json, jsonl, csv, md, html, bibtex, ris, csl, datapackage');
    } finally {
      await library.close();
    }
  });
});
