/** Notes and highlights through the Library: stored in the catalog, kept across restarts, refused cleanly. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../../main/core/library';
import { MAX_COMMENT_CHARS } from '../../../../main/core/notes/highlights';
import { MAX_NOTE_CHARS } from '../../../../main/core/notes/note-text';
import { SEED_ARTICLE } from '../../../paths';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();

async function addSeed(library: Library): Promise<string> {
  return (await library.addText({ text: await readFile(SEED_ARTICLE, 'utf8') })).id;
}

describe('Library.setNote', () => {
  it('stores a Markdown note, keeps it across a restart, and deletes it when set to blank', async () => {
    const id = await addSeed(temp.library);
    const article = await temp.library.setNote(id, '# Why\n\nLavrov *expects* nothing.');
    expect(article.note).toBe('# Why\n\nLavrov *expects* nothing.');
    await temp.library.close();
    const reopened = await Library.open(join(temp.folder, 'library'));
    try {
      expect((await reopened.get(id)).note).toBe('# Why\n\nLavrov *expects* nothing.');
      expect((await reopened.setNote(id, '  \n ')).note).toBe('');
      expect(reopened.record(id)).not.toHaveProperty('note');
    } finally {
      await reopened.close();
    }
  });

  it('leaves the note and the list of articles out of summaries', async () => {
    const id = await addSeed(temp.library);
    await temp.library.setNote(id, 'private thoughts');
    expect(temp.library.list()[0]).not.toHaveProperty('note');
    expect((await temp.library.search('lavrov')).hits[0]).not.toHaveProperty('note');
  });

  it('refuses an oversized note, naming the article and the limit, and keeps the note it had', async () => {
    const id = await addSeed(temp.library);
    await temp.library.setNote(id, 'kept');
    await expect(temp.library.setNote(id, 'x'.repeat(MAX_NOTE_CHARS + 1))).rejects.toThrow(
      `notes: the note on ${id} has 100,001 characters; a note may have at most 100,000`,
    );
    expect((await temp.library.get(id)).note).toBe('kept');
    expect((await temp.library.setNote(id, 'y'.repeat(MAX_NOTE_CHARS))).note).toHaveLength(MAX_NOTE_CHARS);
  });

  it('refuses an unknown article', async () => {
    await expect(temp.library.setNote('NOPE', 'x')).rejects.toThrow('library: no article with id NOPE');
    await expect(temp.library.addHighlight({ id: 'NOPE', quote: 'x' })).rejects.toThrow('library: no article with id NOPE');
    await expect(temp.library.suggestTags('NOPE')).rejects.toThrow('library: no article with id NOPE');
  });
});

describe('Library highlights', () => {
  it('adds a highlight found in the text, stored as the text has it, with its context', async () => {
    const id = await addSeed(temp.library);
    const highlights = await temp.library.addHighlight({ id, quote: 'does not expect   a “turning\npoint”', comment: 'the key line' });
    expect(highlights).toHaveLength(1);
    const text = (await temp.library.get(id)).text;
    const end = text.indexOf('does not expect a “turning point”') + 'does not expect a “turning point”'.length;
    expect(highlights[0]).toMatchObject({ quote: 'does not expect a “turning point”', comment: 'the key line', suffix: text.slice(end, end + 32) });
    expect(highlights[0]!.suffix).toMatch(/^\.\s+As they sat/u);
    expect(highlights[0]!.prefix).toHaveLength(32);
    expect(highlights[0]!.created).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/u);
  });

  it('picks the occurrence the prefix and suffix point to', async () => {
    const id = await addSeed(temp.library);
    const text = (await temp.library.get(id)).text;
    const [first] = await temp.library.addHighlight({ id, quote: 'Geneva', prefix: 'began 11 days ago in ' });
    const at = text.indexOf('began 11 days ago in Geneva') + 'began 11 days ago in '.length;
    expect(first!.prefix).toBe(text.slice(at - 32, at));
  });

  it('refuses a highlight over text the article does not have, and changes nothing', async () => {
    const id = await addSeed(temp.library);
    await temp.library.addHighlight({ id, quote: 'Lake Liman' });
    const before = JSON.stringify(temp.library.record(id));
    await expect(temp.library.addHighlight({ id, quote: 'Lavrov resigned in protest' })).rejects.toThrow(
      `highlights: the text of ${id} has no passage "Lavrov resigned in protest"; nothing was highlighted`,
    );
    await expect(temp.library.addHighlight({ id, quote: '   ' })).rejects.toThrow('highlights: there is nothing to highlight (the quote is blank)');
    await expect(temp.library.addHighlight({ id, quote: 'Lake Liman' })).rejects.toThrow(/"Lake Liman" is already highlighted in .* \(highlight /u);
    await expect(temp.library.addHighlight({ id, quote: 'Lake', comment: 'c'.repeat(MAX_COMMENT_CHARS + 1) })).rejects.toThrow(
      'highlights: a comment has 10,001 characters; a comment may have at most 10,000',
    );
    expect(JSON.stringify(temp.library.record(id))).toBe(before);
  });

  it('updates a comment and removes a highlight by id; ids are unique; all of it survives a restart', async () => {
    const id = await addSeed(temp.library);
    await temp.library.addHighlight({ id, quote: 'Lake Liman' });
    const [one, two] = await temp.library.addHighlight({ id, quote: 'around 100,000 troops' });
    expect(one!.id).not.toBe(two!.id);
    expect((await temp.library.updateHighlight({ id, highlightId: two!.id, comment: 'how many?' }))[1]!.comment).toBe('how many?');
    await expect(temp.library.updateHighlight({ id, highlightId: 'nope', comment: 'x' })).rejects.toThrow(`highlights: ${id} has no highlight with id nope`);
    await expect(temp.library.removeHighlight({ id, highlightId: 'nope' })).rejects.toThrow(`highlights: ${id} has no highlight with id nope`);
    expect(await temp.library.removeHighlight({ id, highlightId: one!.id })).toEqual([{ ...two!, comment: 'how many?' }]);
    await temp.library.close();
    const reopened = await Library.open(join(temp.folder, 'library'));
    try {
      expect((await reopened.get(id)).highlights).toEqual([{ ...two!, comment: 'how many?' }]);
      await reopened.removeHighlight({ id, highlightId: two!.id });
      expect(reopened.record(id)).not.toHaveProperty('highlights');
    } finally {
      await reopened.close();
    }
  });
});

describe('Library annotation edits at once', () => {
  it('keeps every change when highlights and a note are made at the same moment', async () => {
    const id = await addSeed(temp.library);
    await Promise.all([
      temp.library.addHighlight({ id, quote: 'Lake Liman' }),
      temp.library.addHighlight({ id, quote: 'around 100,000 troops' }),
      temp.library.setNote(id, 'both'),
      temp.library.addHighlight({ id, quote: 'Geneva' }),
    ]);
    const article = await temp.library.get(id);
    expect(article.highlights.map((h) => h.quote).sort()).toEqual(['Geneva', 'Lake Liman', 'around 100,000 troops']);
    expect(article.note).toBe('both');
  });
});

describe('Library search over notes and highlights', () => {
  it('finds has:notes, has:highlights and words in notes and comments, and follows changes', async () => {
    const seed = await addSeed(temp.library);
    const other = (await temp.library.addText({ text: 'Budget day\n\nThe chancellor set out the budget in Westminster.' })).id;
    await temp.library.search('');
    await temp.library.setNote(other, 'Ask the **treasury** about zeppelins');
    await temp.library.addHighlight({ id: seed, quote: 'Lake Liman', comment: 'where exactly is this lighthouse?' });
    const ids = async (query: string) => (await temp.library.search(query)).hits.map((hit) => hit.id);
    expect(await ids('has:notes')).toEqual([other]);
    expect(await ids('has:highlights')).toEqual([seed]);
    expect(await ids('-has:notes')).toEqual([seed]);
    expect(await ids('zeppelins')).toEqual([other]);
    expect(await ids('zeppel')).toEqual([other]);
    expect(await ids('lighthouse')).toEqual([seed]);
    expect(await ids('title:zeppelins')).toEqual([]);
    expect(await ids('budget zeppelins')).toEqual([other]);
    expect(await ids('budget has:highlights')).toEqual([]);
    await temp.library.setNote(other, '');
    expect(await ids('zeppelins')).toEqual([]);
    expect(await ids('has:notes')).toEqual([]);
  });

  it('keeps notes searchable through the saved snapshot after a restart', async () => {
    const id = await addSeed(temp.library);
    await temp.library.search('');
    await temp.library.setNote(id, 'zeppelins');
    await temp.library.close();
    for (let round = 0; round < 2; round++) {
      const reopened = await Library.open(join(temp.folder, 'library'));
      try {
        expect((await reopened.search('zeppelins has:notes')).total).toBe(1);
      } finally {
        await reopened.close();
      }
    }
  });
});
