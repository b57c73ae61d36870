/** What the add dialog decides before it calls main. */
import { describe, expect, it } from 'vitest';
import { isHtmlFile, splitTags, toBase64 } from '../../../renderer/dialogs/add-dialog';

describe('add dialog helpers', () => {
  it('reads .html and .htm files as HTML and everything else as text', () => {
    expect(isHtmlFile('page.html')).toBe(true);
    expect(isHtmlFile('PAGE.HTM')).toBe(true);
    expect(isHtmlFile('notes.md')).toBe(false);
    expect(isHtmlFile('story.txt')).toBe(false);
    expect(isHtmlFile('html.txt')).toBe(false);
  });

  it('splits tags at commas and drops the empty pieces a stray comma leaves', () => {
    expect(splitTags('ukraine, diplomacy/russia,')).toEqual(['ukraine', ' diplomacy/russia']);
    expect(splitTags(' , ')).toEqual([]);
    expect(splitTags('')).toEqual([]);
  });
});

describe('toBase64', () => {
  it('encodes bytes as base64, large ones a chunk at a time', () => {
    expect(toBase64(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('iVBORw==');
    const big = new Uint8Array(200_000).map((_, i) => i % 251);
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});
