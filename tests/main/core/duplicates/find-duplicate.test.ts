import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BatchItem } from '../../../../main/core/library';
import { SHARED } from '../../../paths';
import { useTempLibrary } from '../../../temp-library';

const bbc = (file: string) => readFileSync(join(SHARED, 'corpora', 'bbc', file), 'latin1');
const textItem = (text: string, url?: string): BatchItem => ({ kind: 'text', request: { text, ...(url ? { url } : {}) }, method: 'paste' });

const temp = useTempLibrary();

describe('Library.addChecked', () => {
  it.each([
    ['entertainment/129.txt', 'entertainment/261.txt'],
    ['tech/131.txt', 'tech/179.txt'],
    ['tech/004.txt', 'tech/063.txt'],
  ])('catches the BBC corpus identical pair %s and %s as the same text', async (a, b) => {
    const first = await temp.library.addChecked(textItem(bbc(a)), 'ask');
    if (first.status !== 'added') throw new Error('not added');
    const second = await temp.library.addChecked(textItem(bbc(b)), 'ask');
    expect(second).toMatchObject({ status: 'duplicate', duplicate: { id: first.article.id, reason: 'same-text', similarity: 1, detail: 'the very same text' } });
    expect(temp.library.list()).toHaveLength(1);
  });

  it('catches a syndicated copy with another header and footer as nearly the same text', async () => {
    const story = bbc('politics/010.txt');
    const [title, ...body] = story.split('\n');
    const copy = `${title}\n\nBy Wire Staff | The Daily Courier | Share this\n${body.join('\n')}\n\nCopyright 2005 The Daily Courier. All rights reserved. Sign up for our newsletter.`;
    const first = await temp.library.addChecked(textItem(story), 'ask');
    if (first.status !== 'added') throw new Error('not added');
    const second = await temp.library.addChecked(textItem(copy), 'skip');
    expect(second).toMatchObject({ status: 'duplicate', duplicate: { id: first.article.id, reason: 'similar-text' } });
    if (second.status === 'duplicate') expect(second.duplicate.detail).toMatch(/^nearly the same text \(\d+% of the shorter text's word sequences are in the other\)$/u);
  });

  it('catches a duplicate after a restart by the index saved at close, the library folder holding it beside the catalog', async () => {
    const first = await temp.library.addChecked(textItem(bbc('politics/020.txt')), 'ask');
    if (first.status !== 'added') throw new Error('not added');
    const reopened = await temp.reopen();
    expect(existsSync(join(temp.path, 'index', 'duplicates.bin'))).toBe(true);
    expect(await reopened.addChecked(textItem(bbc('politics/020.txt')), 'ask')).toMatchObject({ status: 'duplicate', duplicate: { id: first.article.id, reason: 'same-text' } });
  });

  it('lets unrelated stories in, including ones from the same category', async () => {
    for (const file of ['business/001.txt', 'business/002.txt', 'business/003.txt', 'sport/001.txt']) {
      expect((await temp.library.addChecked(textItem(bbc(file)), 'ask')).status).toBe('added');
    }
    expect(temp.library.list()).toHaveLength(4);
  });

  it('catches the same address with tracking parameters, even when the text differs', async () => {
    const first = await temp.library.addChecked(textItem(bbc('business/001.txt'), 'https://news.example.org/story'), 'ask');
    if (first.status !== 'added') throw new Error('not added');
    const second = await temp.library.addChecked(textItem(bbc('business/002.txt'), 'https://NEWS.example.org/story?utm_source=x&gclid=1#top'), 'ask');
    expect(second).toMatchObject({ status: 'duplicate', duplicate: { id: first.article.id, reason: 'same-url' } });
  });

  it('stores a version of the first capture, and a version of a version names the first too', async () => {
    const story = bbc('tech/131.txt');
    const first = await temp.library.addChecked(textItem(story), 'ask');
    const second = await temp.library.addChecked(textItem(story), 'version');
    const third = await temp.library.addChecked(textItem(story), 'version');
    if (first.status !== 'added' || second.status !== 'added' || third.status !== 'added') throw new Error('not added');
    expect(second.versionOf).toBe(first.article.id);
    expect(third.versionOf).toBe(first.article.id);
    expect((await temp.library.versions(first.article.id)).map((record) => record.id)).toEqual([first.article.id, second.article.id, third.article.id]);
  });
});
