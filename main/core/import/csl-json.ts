/**
 * CSL-JSON, as Zotero (and citation-js, pandoc, Mendeley) write it: an array of items with
 * `type`, `title`, `container-title`, `URL`, `author` ([{family, given}] or [{literal}]),
 * `issued` ({"date-parts": [[y, m, d]]}), `abstract`, `keyword`. Citations carry no article
 * text: an item with an abstract keeps it as its text, the rest are URL-only records.
 */
import { CuttingsError } from '../../../common/errors';
import { foreignCandidate, type ImportCandidate } from './import-candidate';

/** A CSL name. */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

interface CslItem {
  id?: string | number;
  type?: string;
  title?: string;
  'container-title'?: string;
  URL?: string;
  author?: CslName[];
  issued?: { 'date-parts'?: (number | string)[][]; raw?: string };
  abstract?: string;
  keyword?: string;
}

/** True when the parsed JSON looks like CSL-JSON. */
export function isCslJson(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && typeof value[0] === 'object' && value[0] !== null && 'type' in value[0] && ('title' in value[0] || 'URL' in value[0]);
}

/** "Given Family" for each name, joined with commas: the library's one-line author form. */
export function cslAuthors(names: readonly CslName[] | undefined): string | null {
  const list = (names ?? []).map((name) => name.literal ?? [name.given, name.family].filter(Boolean).join(' ')).filter((name) => name.trim() !== '');
  return list.length > 0 ? list.join(', ') : null;
}

/** A CSL date as YYYY-MM-DD when it has a day, else null. */
export function cslDate(issued: CslItem['issued']): string | null {
  const parts = issued?.['date-parts']?.[0];
  if (parts && parts.length >= 3) {
    const [y, m, d] = parts.map(Number);
    return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return issued?.raw ?? null;
}

/** Candidates from a CSL-JSON array. */
export function* readCslJson(value: unknown, what: string): Generator<ImportCandidate> {
  if (!Array.isArray(value)) throw new CuttingsError('bad-content', `import: ${what} is not CSL-JSON (a JSON array of items)`);
  for (const [i, raw] of value.entries()) {
    const item = raw as CslItem;
    const label = `item ${i + 1}${item?.id !== undefined ? ` (${String(item.id)})` : ''}`;
    if (typeof item !== 'object' || item === null) {
      yield { label, error: 'not a JSON object' };
      continue;
    }
    yield foreignCandidate({
      label,
      title: item.title,
      url: item.URL,
      text: item.abstract,
      source: item['container-title'],
      author: cslAuthors(item.author),
      published: cslDate(item.issued),
      tags: (item.keyword ?? '').split(','),
      original: Buffer.from(JSON.stringify(item), 'utf8'),
    });
  }
}
