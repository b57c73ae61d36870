// `cuttings add` of a scan and `cuttings ocr ID`: a scan added with its languages, page and
// the guesses reported; recognised again in other languages without a change, nothing is
// stored; an article that is no scan is refused by name; a bad language is refused.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempFolder } from '../../../paths';
import { textImage } from '../../core/ocr/text-image';
import { runCli } from '../run-cli';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(() => folder.remove());

const run = (args: string[]) => runCli(args, { CUTTINGS_LIBRARY: join(folder.path, 'library') });

describe('cuttings add (a scan) and cuttings ocr', () => {
  it('adds a scan, says what it guessed, and recognises it again as a version only when the text changes', async () => {
    const scan = join(folder.path, 'cutting.png');
    await writeFile(scan, await textImage('Ferry service saved\n\nThe council voted on 10 November 1989 to keep the ferry running.'));
    const added = await run(['add', scan, '--lang', 'eng', '--source', 'Harbour Gazette', '--page', '3']);
    expect(added.code).toBe(0);
    expect(added.stderr).toContain('cuttings: ' + scan + ': guessed from the text: headline "Ferry service saved" (--title to set it), date 1989-11-10 (--published to set it)');
    const id = added.stdout.trim();
    const shown = await run(['show', id, '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ title: 'Ferry service saved', source: 'Harbour Gazette', published: '1989-11-10' });

    const again = await run(['ocr', id, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ id: null, versionOf: id, changed: false, languages: 'eng' });

    const bad = await run(['ocr', id, '--lang', 'klingon']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('ocr: no language data for "klingon"');
  });

  it('refuses to recognise an article that is no scan', async () => {
    const text = join(folder.path, 'story.txt');
    await writeFile(text, 'A story\n\nTyped, not scanned.');
    const id = (await run(['add', text])).stdout.trim();
    const refused = await run(['ocr', id]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`cuttings: ocr: article ${id} is not a scan (it was not recognised from an image or a scanned PDF)`);
  });
});
