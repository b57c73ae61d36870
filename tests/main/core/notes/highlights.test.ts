import { describe, expect, it } from 'vitest';
import { withCommentUpdated, withHighlightAdded, withHighlightRemoved } from '../../../../main/core/notes/highlights';
import { checkedNote } from '../../../../main/core/notes/note-text';

const TEXT = 'Talks in Geneva ended late.\n\nThen Geneva again.';
const NOW = new Date('2024-05-06T07:08:09Z');

describe('withHighlightAdded', () => {
  it('stores the passage as the text has it, with context from the text, at the end of the list', () => {
    const [first] = withHighlightAdded('A', TEXT, [], { quote: 'late. Then', comment: 'c' }, NOW);
    expect(first).toMatchObject({ quote: 'late.\n\nThen', prefix: 'Talks in Geneva ended ', suffix: ' Geneva again.', comment: 'c', created: '2024-05-06T07:08:09.000Z' });
    const two = withHighlightAdded('A', TEXT, [first!], { quote: 'Geneva', prefix: 'Then ' }, NOW);
    // Up to 32 characters of context: the prefix of the second Geneva starts inside the first sentence.
    expect(two.map((h) => h.prefix)).toEqual([first!.prefix, 'lks in Geneva ended late.\n\nThen ']);
    expect(two[1]!.comment).toBe('');
  });

  it('tells the same words at another place from the same place highlighted twice', () => {
    const once = withHighlightAdded('A', TEXT, [], { quote: 'Geneva' }, NOW);
    expect(withHighlightAdded('A', TEXT, once, { quote: 'Geneva', prefix: 'Then ' }, NOW)).toHaveLength(2);
    expect(() => withHighlightAdded('A', TEXT, once, { quote: 'Geneva', prefix: 'Talks in ' }, NOW)).toThrow(`highlights: "Geneva" is already highlighted in A (highlight ${once[0]!.id})`);
  });

  it('shows a long missing quote cut short, on one line', () => {
    expect(() => withHighlightAdded('A', TEXT, [], { quote: `nowhere\n${'x'.repeat(100)}` }, NOW)).toThrow(
      `highlights: the text of A has no passage "nowhere ${'x'.repeat(52)}…"; nothing was highlighted`,
    );
  });
});

describe('withCommentUpdated and withHighlightRemoved', () => {
  it('change only the highlight named, and leave the list given untouched', () => {
    const list = withHighlightAdded('A', TEXT, withHighlightAdded('A', TEXT, [], { quote: 'Talks' }, NOW), { quote: 'again' }, NOW);
    const frozen = JSON.stringify(list);
    expect(withCommentUpdated('A', list, { highlightId: list[1]!.id, comment: '  ' }).map((h) => h.comment)).toEqual(['', '']);
    expect(withCommentUpdated('A', list, { highlightId: list[1]!.id, comment: 'why' })[1]!.comment).toBe('why');
    expect(withHighlightRemoved('A', list, { highlightId: list[0]!.id })).toEqual([list[1]]);
    expect(JSON.stringify(list)).toBe(frozen);
  });
});

describe('checkedNote', () => {
  it('keeps a note as written and makes a blank one no note', () => {
    expect(checkedNote('A', '  # Title\n\n')).toBe('  # Title\n\n');
    expect(checkedNote('A', ' \n\t ')).toBe('');
  });
});
