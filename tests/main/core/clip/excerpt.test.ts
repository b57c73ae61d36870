import { describe, expect, it } from 'vitest';
import { makeExcerpt } from '../../../../main/core/clip/excerpt';

describe('makeExcerpt', () => {
  it('keeps short text whole, with white space collapsed', () => {
    expect(makeExcerpt('  A  short\n text. ')).toBe('A short text.');
  });

  it('cuts long text at a word boundary with an ellipsis', () => {
    const text = 'word '.repeat(100);
    const excerpt = makeExcerpt(text);
    expect(excerpt.length).toBeLessThanOrEqual(201);
    expect(excerpt).toMatch(/^word( word)*…$/);
    expect(makeExcerpt('alpha beta, gamma', 12)).toBe('alpha beta…');
  });

  it('cuts a single very long word hard', () => {
    expect(makeExcerpt('x'.repeat(300), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
