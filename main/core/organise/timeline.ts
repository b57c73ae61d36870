/**
 * The timeline: how many of the articles a query matches fall in each day, week or month,
 * by published or clipped date. Bars come in date order with no gaps between the first and
 * the last (an empty period is a bar of 0); articles without the date are counted apart.
 * Weeks are ISO weeks, Monday to Sunday. A bar's `from`..`to` (inclusive, `YYYY-MM-DD`) is
 * what `published:from..to` takes, so clicking a bar can narrow the query to it.
 * Clipped times are UTC, and their day is the UTC day, as the `clipped:` filter reads them.
 */
import type { Timeline, TimelineBucket, TimelineRequest } from '../../../common/api';
import { CuttingsError } from '../../../common/errors';
import type { ArticleRecord } from '../storage/article-record';

/** The most bars a timeline may have: a day bar for every day of 130 years. */
export const MAX_BUCKETS = 50_000;

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/u;

type Unit = TimelineRequest['unit'];

/** Counts the records by period. */
export function buildTimeline(records: readonly Pick<ArticleRecord, 'published' | 'clipped'>[], by: TimelineRequest['by'], unit: Unit): Timeline {
  const counts = new Map<number, number>();
  let undated = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const record of records) {
    const day = dayNumber(by === 'published' ? record.published : record.clipped);
    if (day === null) {
      undated++;
      continue;
    }
    const start = periodStart(day, unit);
    counts.set(start, (counts.get(start) ?? 0) + 1);
    if (start < first) first = start;
    if (start > last) last = start;
  }
  const buckets: TimelineBucket[] = [];
  if (counts.size > 0) {
    const needed = periodsBetween(first, last, unit);
    if (needed > MAX_BUCKETS) {
      throw new CuttingsError(
        'invalid-input',
        `timeline: the ${by} dates run from ${isoOf(first)} to ${isoOf(last)}, ${needed.toLocaleString('en')} ${unit}s; count by ${unit === 'day' ? 'week or month' : 'month'}, or narrow the query`,
      );
    }
    for (let start = first; start <= last; start = nextPeriod(start, unit)) {
      buckets.push({ from: isoOf(start), to: isoOf(nextPeriod(start, unit) - 1), count: counts.get(start) ?? 0 });
    }
  }
  return { by, unit, buckets, undated };
}

/** Days since 1970-01-01 of a `YYYY-MM-DD…` date (UTC); null for none or one that is not a date. */
export function dayNumber(value: string | null | undefined): number | null {
  const match = value ? ISO_DAY.exec(value) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC, which reads the years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round(date.getTime() / DAY_MS);
}

/** The `YYYY-MM-DD` of a day number. */
export function isoOf(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** The first day of the day's period: itself, its week's Monday, or its month's 1st. */
function periodStart(day: number, unit: Unit): number {
  if (unit === 'day') return day;
  const date = new Date(day * DAY_MS);
  if (unit === 'week') return day - ((date.getUTCDay() + 6) % 7);
  return day - (date.getUTCDate() - 1);
}

/** The first day of the period after the one starting on `start`. */
function nextPeriod(start: number, unit: Unit): number {
  if (unit === 'day') return start + 1;
  if (unit === 'week') return start + 7;
  const date = new Date(start * DAY_MS);
  date.setUTCMonth(date.getUTCMonth() + 1, 1);
  return Math.round(date.getTime() / DAY_MS);
}

/** How many periods from the one starting on `first` to the one starting on `last`, both included. */
function periodsBetween(first: number, last: number, unit: Unit): number {
  if (unit === 'day') return last - first + 1;
  if (unit === 'week') return (last - first) / 7 + 1;
  const a = new Date(first * DAY_MS);
  const b = new Date(last * DAY_MS);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
}
