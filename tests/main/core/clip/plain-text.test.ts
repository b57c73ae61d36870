import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clipPlainText } from '../../../../main/core/clip/plain-text';
import { clipError } from './clip-error';
import { SEED_ARTICLE } from '../../../paths';

const seedText = readFileSync(SEED_ARTICLE, 'utf8');

describe('clipPlainText on the seed article', () => {
  const article = clipPlainText(seedText);
  const blocks = article.text.split('\n\n');

  it('takes the first line as the title', () => {
    expect(article.title).toBe('US-Russia talks on Ukraine Lavrov: I don’t expect a breakthrough');
  });

  it('keeps the paragraphs, separated by one blank line, without the title', () => {
    expect(blocks[0]).toMatch(/^Russian Foreign Minister Sergei Lavrov assured his US counterpart/);
    expect(blocks[1]).toMatch(/^As they sat face to face, Blinken Lavrov promised/);
    expect(article.text).toContain('Lavrov and Blinken, who knew each other well, shook hands around 10:00 GMT');
    expect(article.text).not.toContain('US-Russia talks on Ukraine');
    expect(article.text).not.toMatch(/\n{3}/);
    // 9 paragraphs and 2 sub-headings.
    expect(blocks).toHaveLength(11);
  });

  it('keeps sub-headings as lines of their own and as <h2>', () => {
    expect(blocks[3]).toBe('last move');
    expect(blocks[7]).toBe('“Don’t be afraid of anyone”');
    expect(article.html).toContain('<h2>last move</h2>');
    expect(article.html).toContain('<h2>“Don’t be afraid of anyone”</h2>');
    expect(article.html.match(/<h2>/g)).toHaveLength(2);
    expect(article.html.match(/<p>/g)).toHaveLength(9);
  });

  it('drops the trailing "Read More About" line', () => {
    expect(article.text).not.toContain('Read More About');
    expect(article.html).not.toContain('Read More About');
    expect(blocks[blocks.length - 1]).toMatch(/^Ryabkov also added in Russian/);
  });

  it('fills the excerpt from the first paragraph, cut at a word', () => {
    expect(article.excerpt.startsWith('Russian Foreign Minister Sergei Lavrov assured')).toBe(true);
    expect(article.excerpt.endsWith('…')).toBe(true);
    expect(article.excerpt.length).toBeLessThanOrEqual(201);
    expect(article.excerpt).not.toMatch(/\s…$/);
  });

  it('has no page metadata, and guesses English', () => {
    expect(article).toMatchObject({ url: null, source: null, author: null, published: null, lang: 'en' });
  });

  it('gives the same article for a BOM and CRLF line endings', () => {
    const windows = `\uFEFF${seedText.replace(/\n/g, '\r\n')}`;
    expect(clipPlainText(windows)).toEqual(article);
  });
});

describe('clipPlainText paragraphs and headings', () => {
  const sentence = (n: number): string =>
    `Sentence number ${n} tells the reader something that happened in the town this week.`;

  it('treats every line as a paragraph when the text has no blank lines', () => {
    const article = clipPlainText(['Title', sentence(1), sentence(2), 'A heading', sentence(3)].join('\n'));
    expect(article.text).toBe([sentence(1), sentence(2), 'A heading', sentence(3)].join('\n\n'));
    expect(article.html).toBe(`<p>${sentence(1)}</p>\n<p>${sentence(2)}</p>\n<h2>A heading</h2>\n<p>${sentence(3)}</p>`);
  });

  it('joins hard-wrapped lines and keeps a heading typed straight above its paragraph apart', () => {
    const text = [
      'Title',
      '',
      'The council met on Tuesday evening to discuss the',
      'flooding of the lower town, which has happened three',
      'times this year.',
      '',
      'What comes next',
      'Residents asked for a new wall along the river before the winter storms arrive, and the council agreed to pay for a survey.',
    ].join('\n');
    const article = clipPlainText(text);
    expect(article.text.split('\n\n')).toEqual([
      'The council met on Tuesday evening to discuss the flooding of the lower town, which has happened three times this year.',
      'What comes next',
      'Residents asked for a new wall along the river before the winter storms arrive, and the council agreed to pay for a survey.',
    ]);
    expect(article.html).toContain('<h2>What comes next</h2>');
  });

  it('does not make headings of short lines with punctuation, of runs of short lines, or of the line under the title', () => {
    const text = ['Title', 'By Jane Doe', sentence(1), 'It rained.', sentence(2), 'Apples', 'Pears', 'Plums', sentence(3)].join('\n');
    expect(clipPlainText(text).html).not.toContain('<h2>');
  });

  it('escapes markup in the text', () => {
    const article = clipPlainText(`Title <b>bold</b>\n\n<script>alert("x")</script> & <img src=x onerror=alert(1)> is text.`);
    expect(article.title).toBe('Title <b>bold</b>');
    expect(article.text).toBe('<script>alert("x")</script> & <img src=x onerror=alert(1)> is text.');
    expect(article.html).toBe('<p>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#60;img src=x onerror=alert(1)&#62; is text.</p>');
  });

  it('normalises to NFC and trims trailing white space', () => {
    const article = clipPlainText('Cafe\u0301 news   \n\nThe cafe\u0301 opened.\t \n');
    expect(article.title).toBe('Café news');
    expect(article.text).toBe('The café opened.');
  });
});

describe('clipPlainText trailing boilerplate', () => {
  const body = 'The harbour reopened on Monday after a week of storms, and the first ferry left at nine.';

  it('strips share, follow, newsletter, copyright, advertisement and related lines from the end', () => {
    const text = [
      'Harbour reopens', '', body, '', 'Related: Storm closes harbour', 'Read more: Ferries cancelled',
      'Share this article', 'Follow us on Twitter', 'Sign up for our newsletter to get the news first',
      '© 2022 Example News Ltd', 'All rights reserved', 'Advertisement', '',
    ].join('\n');
    expect(clipPlainText(text).text).toBe(body);
  });

  it('keeps the same words in the middle of the article', () => {
    const middle = ['Harbour reopens', '', body, '', 'Read more: the council report', '', 'Share this article', '', body].join('\n');
    expect(clipPlainText(middle).text.split('\n\n')).toEqual([body, 'Read more: the council report', 'Share this article', body]);
  });

  it('keeps a long last paragraph even when it starts like boilerplate', () => {
    const last = `Read more about the storm in the council report, which lists every street that flooded and what each household was paid in compensation for damage.`;
    expect(clipPlainText(['Harbour', '', body, '', last].join('\n')).text).toBe(`${body}\n\n${last}`);
  });
});

describe('clipPlainText with a title given beside the text', () => {
  it('keeps every line of the text as the article, the first too', () => {
    const article = clipPlainText('Body one.\nand a second line.\n', { title: 'My title' });
    expect(article.title).toBe('My title');
    expect(article.text).toBe('Body one.\n\nand a second line.');
  });

  it('takes a text of one paragraph, or of one line, as the whole article', () => {
    expect(clipPlainText('Just one paragraph here.\n', { title: 'T2' })).toMatchObject({ title: 'T2', text: 'Just one paragraph here.' });
    expect(clipPlainText('A single line', { title: 'T3' }).text).toBe('A single line');
  });

  it('leaves out a first line that repeats the given title, as the headline pasted along', () => {
    const article = clipPlainText('Harbour  reopens\n\nThe harbour reopened on Monday.', { title: 'harbour reopens' });
    expect(article).toMatchObject({ title: 'harbour reopens', text: 'The harbour reopened on Monday.' });
    // Only the text's own headline: the title is not searched for further down.
    expect(clipPlainText('Ships wait.\n\nHarbour reopens', { title: 'Harbour reopens' }).text).toBe('Ships wait.\n\nHarbour reopens');
    // A text that is nothing but the title is kept as it is.
    expect(clipPlainText('Harbour reopens', { title: 'Harbour reopens' }).text).toBe('Harbour reopens');
  });

  it('still takes the first line when the given title is blank', () => {
    expect(clipPlainText('Own title\n\nBody text.', { title: '  ' })).toMatchObject({ title: 'Own title', text: 'Body text.' });
  });
});

describe('clipPlainText bad input', () => {
  it('rejects empty and white-space-only text', () => {
    expect(clipError(() => clipPlainText('')).message).toBe('clip: pasted text is empty');
    expect(clipError(() => clipPlainText(' \n\t\r\n ')).message).toBe('clip: pasted text is empty');
    expect(clipError(() => clipPlainText('', { fileName: 'notes.txt' })).message).toBe('clip: notes.txt is empty');
  });

  it('rejects a title with no text under it', () => {
    expect(clipError(() => clipPlainText('Just a title\n\n\n')).message).toBe('clip: pasted text has a title but no article text');
    expect(clipError(() => clipPlainText('Title\n\nShare this article\nAdvertisement', { fileName: 'a.txt' })).message).toBe(
      'clip: a.txt has a title but no article text',
    );
  });

  it('rejects binary data: a format known by its first bytes, or mostly control characters', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]).toString('latin1');
    expect(clipError(() => clipPlainText(png)).message).toBe('clip: pasted text is not text (it is a PNG image)');
    const controls = 'Title\n\n' + '\u0001\u0002\u0003\u0004abc'.repeat(50);
    expect(clipError(() => clipPlainText(controls, { fileName: 'x.bin' })).message).toBe('clip: x.bin is not text (it looks like binary data)');
  });

  it('keeps a text with a few stray control bytes, without them', () => {
    const article = clipPlainText('Stray\0 bytes\n\nA body\0\0\0 with a run of NULs and a \x01 control byte.');
    expect(article).toMatchObject({ title: 'Stray bytes', text: 'A body with a run of NULs and a control byte.' });
  });

  it('gives its errors the bad-content code', () => {
    expect(clipError(() => clipPlainText('')).code).toBe('bad-content');
  });
});
