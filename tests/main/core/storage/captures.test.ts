import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  capturePath,
  listCaptureIds,
  readCapture,
  readCaptureSync,
  readOriginal,
  readStoredCaptureSync,
  writeCapture,
  writeCaptureForBatch,
  zipOriginal,
  type CapturedContent,
} from '../../../../main/core/storage/captures';
import { makeTempFolder } from '../../../paths';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => (folder = await makeTempFolder()));
afterEach(() => folder.remove());

function content(id: string, text: string): CapturedContent {
  return { id, text, html: `<p>${text}</p>`, extracted: { title: 'T', url: null, source: null, author: null, published: null, excerpt: '', lang: null } } as CapturedContent;
}

describe('capture files', () => {
  it('read back the content without the original, and the original as received', async () => {
    const id = '01HCAPTUREAAAAAAAAAAAAAAAA';
    const original = Buffer.from('<html>line one\nline two</html>', 'utf8');
    await writeCapture(folder.path, content(id, 'Line one.\n\nLine two.'), zipOriginal(original), 'html');
    expect(await readCapture(folder.path, id)).toEqual(content(id, 'Line one.\n\nLine two.'));
    expect(await readOriginal(folder.path, id)).toEqual({ kind: 'html', bytes: original });
    expect(readStoredCaptureSync(folder.path, id).raw.toString('utf8')).toBe(JSON.stringify(content(id, 'Line one.\n\nLine two.')));
  });

  it('read a content longer than one chunk, with an original of any size after it', async () => {
    const id = '01HCAPTUREBBBBBBBBBBBBBBBB';
    const long = 'A long article paragraph. '.repeat(12_000); // about 300 KB: several 64 KB reads
    const original = Buffer.alloc(2_000_000, 0x41);
    writeCaptureForBatch(folder.path, content(id, long), zipOriginal(original), 'pdf');
    expect((await readCapture(folder.path, id)).text).toBe(long);
    expect(readCaptureSync(folder.path, id).content.text).toBe(long);
    expect((await readOriginal(folder.path, id)).bytes.equals(original)).toBe(true);
  });

  it('name the file when one is cut short, and list only whole capture files', async () => {
    const id = '01HCAPTURECCCCCCCCCCCCCCCC';
    await writeCapture(folder.path, content(id, 'Words.'), zipOriginal(Buffer.from('Words.')), 'txt');
    const path = capturePath(folder.path, id);
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, 20));
    await expect(readCapture(folder.path, id)).rejects.toThrow(`library: cannot read the content of article ${id} (${path}: not a capture file`);
    await expect(readOriginal(folder.path, id)).rejects.toThrow(`(${path}: not a capture file`);
    await writeFile(`${path.replace(`${id}.capture`, '')}.${id}.capture.123.0.tmp`, 'partial');
    expect(await listCaptureIds(folder.path)).toEqual([id]);
  });
});
