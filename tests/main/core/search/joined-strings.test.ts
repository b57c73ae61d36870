/** A list of strings kept as one text gives what splitting the text would, one string at a time. */
import { describe, expect, it } from 'vitest';
import { JoinedStrings } from '../../../../main/core/search/joined-strings';

describe('JoinedStrings', () => {
  it('gives the strings String.split gives, by index and in order, for texts of every shape', () => {
    const texts = ['', 'one', '\n', 'a\nb', '\nleading', 'trailing\n', 'a\n\nb', 'Zürich\n東京\n😀 emoji\nlast', 'x'.repeat(5000).split('').join('\n')];
    for (const text of texts) {
      const expected = text.split('\n');
      const list = JoinedStrings.split(text, '\n');
      expect(list.length).toBe(expected.length);
      expect(Array.from({ length: list.length }, (_, index) => list.at(index))).toEqual(expected);
      expect([...list]).toEqual(expected);
    }
  });

  it('counts from the end for a negative index, and gives undefined outside the list, as an array does', () => {
    const list = JoinedStrings.split('first\nsecond\nthird', '\n');
    expect(list.at(-1)).toBe('third');
    expect(list.at(-3)).toBe('first');
    expect(list.at(-4)).toBeUndefined();
    expect(list.at(3)).toBeUndefined();
    expect(JoinedStrings.empty().length).toBe(0);
    expect([...JoinedStrings.empty()]).toEqual([]);
  });

  it('makes the whole list once, and answers from it after', () => {
    const list = JoinedStrings.split('b\na', '\u0000');
    expect(list.all()).toBe(list.all());
    expect(list.at(0)).toBe('b\na');
  });

  it('refuses a separator that is not one character, naming it', () => {
    expect(() => JoinedStrings.split('a, b', ', ')).toThrow('joined strings: the separator must be one character, not ", "');
  });
});
