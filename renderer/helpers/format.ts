/**
 * How dates, counts and paths are shown. Dates follow the system's locale; a bare
 * `YYYY-MM-DD` is shown as that calendar day wherever the user is.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/u;
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const localDayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A date for the list: `12 Jan 2022`. Unparseable input is shown as given. */
export function formatDate(value: string | null): string {
  if (!value) return '';
  if (DAY.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? value : dayFormat.format(date);
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : localDayFormat.format(date);
}

/** A moment for provenance: `12 Jan 2022, 10:04`, with the exact UTC time kept for a tooltip. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : timeFormat.format(date);
}

/** `1 article`, `2 articles`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/** The last part of a folder path, on any platform: `/home/ann/News` → `News`. */
export function folderName(path: string): string {
  const parts = path.split(/[\\/]+/u).filter(Boolean);
  return parts.at(-1) ?? path;
}

/** The URL if it is a web address (http or https), else null: only those become links. */
export function webUrl(value: string | null): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
