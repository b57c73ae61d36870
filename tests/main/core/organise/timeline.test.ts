// The timeline: articles counted per day, ISO week (Monday to Sunday) or month, by published
// or clipped date, with no gaps between the first bar and the last, the undated apart, and
// bars whose from..to the query language takes back.
import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../../../common/query';
import { buildTimeline, dayNumber, isoOf } from '../../../../main/core/organise/timeline';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();

const published = (...dates: (string | null)[]) => dates.map((date) => ({ published: date, clipped: '2024-05-01T10:00:00.000Z' }));

describe('the timeline', () => {
  it('counts by ISO week, Monday to Sunday, across a year end, with empty weeks filled', () => {
    // 2024-12-29 is a Sunday, 2024-12-30 a Monday; 2025-01-12 a Sunday.
    const timeline = buildTimeline(published('2024-12-29', '2024-12-30', '2025-01-05', '2025-01-13', null), 'published', 'week');
    expect(timeline).toEqual({
      by: 'published',
      unit: 'week',
      buckets: [
        { from: '2024-12-23', to: '2024-12-29', count: 1 },
        { from: '2024-12-30', to: '2025-01-05', count: 2 },
        { from: '2025-01-06', to: '2025-01-12', count: 0 },
        { from: '2025-01-13', to: '2025-01-19', count: 1 },
      ],
      undated: 1,
    });
  });

  it('counts by month, leap February included, and by day', () => {
    const months = buildTimeline(published('2024-01-31', '2024-02-29', '2024-04-01'), 'published', 'month');
    expect(months.buckets).toEqual([
      { from: '2024-01-01', to: '2024-01-31', count: 1 },
      { from: '2024-02-01', to: '2024-02-29', count: 1 },
      { from: '2024-03-01', to: '2024-03-31', count: 0 },
      { from: '2024-04-01', to: '2024-04-30', count: 1 },
    ]);
    const days = buildTimeline(published('2024-02-28', '2024-03-01', '2024-03-01'), 'published', 'day');
    expect(days.buckets.map((bucket) => [bucket.from, bucket.to, bucket.count])).toEqual([
      ['2024-02-28', '2024-02-28', 1],
      ['2024-02-29', '2024-02-29', 0],
      ['2024-03-01', '2024-03-01', 2],
    ]);
  });

  it('counts clipped times by their UTC day; an empty list or only undated ones give no bars', () => {
    const clipped = buildTimeline([{ published: null, clipped: '2024-03-31T23:59:59.999Z' }, { published: null, clipped: '2024-04-01T00:00:00.000Z' }], 'clipped', 'month');
    expect(clipped.buckets.map((bucket) => bucket.count)).toEqual([1, 1]);
    expect(buildTimeline([], 'published', 'day')).toEqual({ by: 'published', unit: 'day', buckets: [], undated: 0 });
    expect(buildTimeline(published(null, 'not a date', '2024-02-30'), 'published', 'day')).toMatchObject({ buckets: [], undated: 3 });
  });

  it('handles years before 100 and refuses more bars than it can draw, saying what to do', () => {
    expect(isoOf(dayNumber('0050-03-01')!)).toBe('0050-03-01');
    expect(buildTimeline(published('0050-01-15'), 'published', 'month').buckets).toEqual([{ from: '0050-01-01', to: '0050-01-31', count: 1 }]);
    expect(() => buildTimeline(published('1066-10-14', '2024-01-01'), 'published', 'day')).toThrow(
      'timeline: the published dates run from 1066-10-14 to 2024-01-01, 349,617 days; count by week or month, or narrow the query',
    );
    expect(buildTimeline(published('1066-10-14', '2024-01-01'), 'published', 'month').buckets.length).toBe(11_488);
  });

  it('gives bars whose from..to the query language reads back as the same days', () => {
    for (const { from, to } of buildTimeline(published('2024-12-29', '2025-02-03'), 'published', 'week').buckets) {
      const parsed = parseSearchQuery(`published:${from}..${to}`);
      expect(parsed).toEqual({ ok: true, query: { kind: 'date', field: 'published', from, to } });
    }
  });

  it('counts the articles a query matches, and narrowing to a bar finds exactly its count', async () => {
    const add = (title: string, date: string | undefined) => temp.library.addText({ text: `${title}\n\nTalks about ${title}.`, published: date });
    await add('Geneva one', '2022-01-10');
    await add('Geneva two', '2022-01-16');
    await add('Geneva three', '2022-03-02');
    await add('Geneva undated', undefined);
    await add('Harvest', '2022-01-11');
    const timeline = await temp.library.timeline({ query: 'geneva', by: 'published', unit: 'week' });
    expect(timeline.undated).toBe(1);
    expect(timeline.buckets.length).toBe(8);
    expect(timeline.buckets[0]).toEqual({ from: '2022-01-10', to: '2022-01-16', count: 2 });
    for (const bucket of timeline.buckets) {
      expect((await temp.library.search(`geneva published:${bucket.from}..${bucket.to}`)).total).toBe(bucket.count);
    }
    const all = await temp.library.timeline({ query: '', by: 'clipped', unit: 'day' });
    expect(all.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(5);
    await expect(temp.library.timeline({ query: 'geneva (', by: 'published', unit: 'day' })).rejects.toThrow('query: unclosed parenthesis at 8: …(');
  });
});
