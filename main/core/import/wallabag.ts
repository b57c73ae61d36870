/**
 * wallabag's JSON export: an array of entries with `title`, `url`, `content` (the article's
 * HTML as wallabag extracted it), `tags`, `published_at`, `published_by` (authors),
 * `domain_name` and more. Entries with content are clipped from it; those without are kept
 * as URL-only records.
 */
import { CuttingsError } from '../../../common/errors';
import { foreignCandidate, type ImportCandidate } from './import-candidate';

interface WallabagEntry {
  id?: number;
  title?: string;
  url?: string;
  content?: string;
  tags?: (string | { label?: string })[];
  published_at?: string | null;
  published_by?: string[] | null;
  domain_name?: string | null;
}

/** True when the parsed JSON looks like a wallabag export. */
export function isWallabagExport(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && typeof value[0] === 'object' && value[0] !== null && 'url' in value[0] && ('content' in value[0] || 'is_archived' in value[0]);
}

/** Candidates from a wallabag export. */
export function* readWallabag(value: unknown, what: string): Generator<ImportCandidate> {
  if (!Array.isArray(value)) throw new CuttingsError('bad-content', `import: ${what} is not a wallabag export (a JSON array of entries)`);
  for (const [i, raw] of value.entries()) {
    const entry = raw as WallabagEntry;
    const label = `entry ${i + 1}${typeof entry?.id === 'number' ? ` (wallabag id ${entry.id})` : ''}`;
    if (typeof entry !== 'object' || entry === null) {
      yield { label, error: 'not a JSON object' };
      continue;
    }
    const tags = (entry.tags ?? []).map((tag) => (typeof tag === 'string' ? tag : (tag?.label ?? '')));
    yield foreignCandidate({
      label,
      title: entry.title,
      url: entry.url,
      html: typeof entry.content === 'string' ? entry.content : null,
      source: entry.domain_name,
      author: Array.isArray(entry.published_by) ? entry.published_by.filter((name) => typeof name === 'string').join(', ') : null,
      published: entry.published_at,
      tags,
      original: Buffer.from(JSON.stringify(entry), 'utf8'),
    });
  }
}
