/**
 * The WACZ index's lines: keyed as ReplayWeb.page looks URLs up, and sorted whole however
 * many there are, the runs spilled to disk and merged.
 */
import { readdir } from 'node:fs/promises';
import fc from 'fast-check';
import { getSurt } from 'warcio/utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cdxjLine, cdxTimestamp, SortedLines } from '../../../../main/core/archive/cdxj-index';
import { makeTempFolder } from '../../../paths';

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(async () => {
  await folder.remove();
});

describe('cdxjLine', () => {
  it('writes the SURT key, the 14-digit time and the record’s place, as ReplayWeb.page reads them', () => {
    const line = cdxjLine({ url: 'https://www.Example.org/a/b?z=1&a=2', date: '2024-03-01T10:20:30.123Z', mime: 'text/html; charset=utf-8', status: 200, digest: 'sha256:ab', offset: 1234, length: 567, filename: 'data-00001.warc.gz' });
    expect(line).toBe(
      `${getSurt('https://www.Example.org/a/b?z=1&a=2')} 20240301102030 {"url":"https://www.Example.org/a/b?z=1&a=2","mime":"text/html","status":"200","digest":"sha256:ab","length":"567","offset":"1234","filename":"data-00001.warc.gz"}`,
    );
    expect(line.startsWith('org,example)/a/b?a=2&z=1 ')).toBe(true);
    expect(cdxTimestamp('2024-03-01T10:20:30Z')).toBe('20240301102030');
  });
});

describe('SortedLines', () => {
  it('gives back every line in order, spilling runs to disk past the run size', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.stringMatching(/^[a-z,)/0-9 ]{0,12}$/u), { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), async (lines, runLines) => {
        const sorter = new SortedLines(`${folder.path}`, runLines);
        for (const line of lines) await sorter.add(`${round}-${line}`);
        const out: string[] = [];
        for await (const line of sorter.sorted()) out.push(line);
        expect(out).toEqual(lines.map((line) => `${round}-${line}`).sort());
        round++;
      }),
      { numRuns: 40 },
    );
    expect((await readdir(folder.path)).length).toBeGreaterThan(0);
  });
});
