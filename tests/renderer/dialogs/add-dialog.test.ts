/** What the add dialog decides before it calls main. */
import { describe, expect, it } from 'vitest';
import { isHtmlFile } from '../../../renderer/dialogs/add-dialog';

describe('add dialog helpers', () => {
  it('reads .html and .htm files as HTML and everything else as text', () => {
    expect(isHtmlFile('page.html')).toBe(true);
    expect(isHtmlFile('PAGE.HTM')).toBe(true);
    expect(isHtmlFile('notes.md')).toBe(false);
    expect(isHtmlFile('story.txt')).toBe(false);
    expect(isHtmlFile('html.txt')).toBe(false);
  });
});
