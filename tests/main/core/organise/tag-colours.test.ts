// Tag colours: kept in the library by tag key (so whatever the case), listed with the tags,
// refused when not #rrggbb, and a damaged file never keeps the library from opening.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../../main/core/library';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();

describe('tag colours', () => {
  it('are set, listed with the tags, kept across reopening and cleared', async () => {
    await temp.library.addText({ text: 'One\n\nBody.', tags: ['Ukraine', 'russia'] });
    expect(await temp.library.setTagColour('UKRAINE', '#3A7BD5')).toEqual([
      { tag: 'russia', count: 1 },
      { tag: 'Ukraine', count: 1, colour: '#3a7bd5' },
    ]);
    await temp.library.close();
    const reopened = await Library.open(join(temp.folder, 'library'));
    try {
      expect(reopened.listTags().find((entry) => entry.tag === 'Ukraine')?.colour).toBe('#3a7bd5');
      expect((await reopened.setTagColour('ukraine', null)).every((entry) => entry.colour === undefined)).toBe(true);
    } finally {
      await reopened.close();
    }
  });

  it('refuse what is not a colour and what is not a tag, changing nothing', async () => {
    await temp.library.addText({ text: 'One\n\nBody.', tags: ['ukraine'] });
    await expect(temp.library.setTagColour('ukraine', 'red')).rejects.toThrow('tag colours: "red" is not a colour; write it as #rrggbb, such as #3a7bd5');
    await expect(temp.library.setTagColour('ukraine', '#12345')).rejects.toThrow('tag colours: "#12345" is not a colour');
    await expect(temp.library.setTagColour(' / ', '#123456')).rejects.toThrow('tags: " / " is not a tag');
    expect(temp.library.listTags()).toEqual([{ tag: 'ukraine', count: 1 }]);
  });

  it('do not keep the library from opening when their file is damaged', async () => {
    await writeFile(join(temp.folder, 'library', 'tag-colours.json'), '{"colours": {"x": "javascript:alert(1)"}}');
    await temp.library.close();
    const reopened = await Library.open(join(temp.folder, 'library'));
    try {
      expect(reopened.notices.some((notice) => /^tag colours: .*tag-colours\.json was damaged and moved to .*quarantine.*does not hold what it should/u.test(notice))).toBe(true);
      expect(reopened.listTags()).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
