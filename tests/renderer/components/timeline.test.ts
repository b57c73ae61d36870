/** The timeline's query clause for a bar. */
import { describe, expect, it } from 'vitest';
import { periodClause } from '../../../renderer/components/timeline';

describe('periodClause', () => {
  it('is a range, or one day alone', () => {
    expect(periodClause('published', { from: '2022-03-01', to: '2022-03-31' })).toBe('published:2022-03-01..2022-03-31');
    expect(periodClause('clipped', { from: '2022-03-01', to: '2022-03-01' })).toBe('clipped:2022-03-01');
  });
});
