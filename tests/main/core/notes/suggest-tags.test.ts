import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capitalisedPhrases } from '../../../../main/core/notes/capitalised-phrases';
import { MAX_SUGGESTIONS, suggestTagsFor } from '../../../../main/core/notes/suggest-tags';
import { SEED_ARTICLE, SHARED } from '../../../paths';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();
const words = (tags: string[]) => new Set(tags.flatMap((tag) => tag.split(' ')));

describe('Library.suggestTags', () => {
  it('offers the people and places of the seed article: Lavrov, Blinken, Ukraine, Russia, Geneva', async () => {
    const { id } = await temp.library.addText({ text: await readFile(SEED_ARTICLE, 'utf8') });
    const suggestions = await temp.library.suggestTags(id);
    const tags = suggestions.map((suggestion) => suggestion.tag);
    for (const name of ['Lavrov', 'Blinken', 'Ukraine', 'Russia', 'Geneva']) expect(words(tags)).toContain(name);
    // People are named in full, the surname alone merged into the full name.
    expect(suggestions).toContainEqual({ tag: 'Sergei Lavrov', kind: 'person' });
    expect(suggestions).toContainEqual({ tag: 'Geneva', kind: 'place' });
    expect(tags.filter((tag) => tag.endsWith('Lavrov'))).toHaveLength(1);
    expect(suggestions.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
  });

  it('leaves out tags the article has, at any level, and uses the spelling the library has', async () => {
    const { id } = await temp.library.addText({ text: await readFile(SEED_ARTICLE, 'utf8'), tags: ['world/Ukraine', 'GENEVA'] });
    await temp.library.addText({ text: 'Other\n\nSomething about russia.', tags: ['russia'] });
    const tags = (await temp.library.suggestTags(id)).map((suggestion) => suggestion.tag);
    expect(tags).not.toContain('Ukraine');
    expect(tags).not.toContain('Geneva');
    expect(tags).toContain('russia');
    expect(tags).not.toContain('Russia');
  });

  it('reads a German article with the capitalised-phrase heuristic: names, not common nouns', async () => {
    const html = readFileSync(join(SHARED, 'corpora', 'trafilatura-dev', 'html', 'taz.de.siemens.html'), 'utf8');
    const added = await temp.library.addHtml({ html, fileName: 'taz.de.siemens.html' });
    expect(added.lang).toBe('de');
    const suggestions = await temp.library.suggestTags(added.id);
    const tags = suggestions.map((suggestion) => suggestion.tag);
    expect(tags).toEqual(expect.arrayContaining(['Siemens', 'Joe Kaeser', 'Luisa Neubauer']));
    expect(suggestions.every((suggestion) => suggestion.kind === 'topic')).toBe(true);
    // Nouns met after an article (`den Tisch`, `die Klimaaktivistin`) and stop words are not names.
    for (const noun of ['Tisch', 'Klimaaktivistin', 'Die', 'Der', 'Chef', 'Gespräch']) expect(tags).not.toContain(noun);
  });
});

describe('capitalisedPhrases', () => {
  it('finds names in French text, joined by de, and skips capitalised sentence openers', () => {
    const found = capitalisedPhrases(
      "Le président Emmanuel Macron a reçu le gouverneur de la Banque de France. Hier, Emmanuel Macron a parlé à Paris. Ensuite il est parti.",
      'fr',
    ).map((entity) => entity.name);
    expect(found).toEqual(['Emmanuel Macron', 'Banque de France', 'Emmanuel Macron', 'Paris']);
  });

  it('ends a name at punctuation', () => {
    expect(capitalisedPhrases('Er nannte Siemens, BASF und Bosch.', 'de').map((entity) => entity.name)).toEqual(['Siemens', 'BASF', 'Bosch']);
  });
});

describe('suggestTagsFor', () => {
  it('needs no library, and suggests nothing for a text that names nobody', async () => {
    expect(await suggestTagsFor({ title: 'weather', text: 'it rained all day and then it stopped.', lang: 'en', tags: [] })).toEqual([]);
  });
});
