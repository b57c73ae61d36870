/**
 * Re-capture: fetch a saved article's address again and, if its text has changed, keep the
 * new text as a new version beside the old one (captures are write-once: the first is never
 * rewritten), with what changed word by word. Publishers edit stories quietly; this is how
 * a journalist shows it.
 */
import type { ArticleSummary } from '../../../common/article';
import { CuttingsError } from '../../../common/errors';
import { diffWords, type WordDiffPart } from '../../../common/word-diff';
import type { ArticleStore } from '../library/article-access';
import type { ArticleRecord } from '../storage/article-record';
import { fetchForClipping } from './clip-url';
import type { ClipUrlOptions } from './clip-url';

/** What a re-capture found. */
export interface RecaptureResult {
  /** The address fetched. */
  url: string;
  /** The first capture of the article: the id every version names. */
  first: ArticleRecord;
  /** The latest version before this re-capture, which the new text was compared with. */
  previous: ArticleRecord;
  /** Whether the text changed (and so a new version was stored). */
  changed: boolean;
  /** The new version, when one was stored. */
  version?: ArticleSummary;
  /** The word diff from the previous version's text to the new one; empty if unchanged. */
  diff: WordDiffPart[];
}

/**
 * Fetches article `id`'s address again (any version's id will do) and stores a new version
 * if the text changed. Throws `not-found` for an unknown id, `invalid-input` for an article
 * with no web address, and a FetchError if the page cannot be fetched.
 */
export async function recapture(library: ArticleStore, id: string, options: ClipUrlOptions = {}): Promise<RecaptureResult> {
  const versions = await library.versions(id);
  const first = versions[0]!;
  const previous = versions[versions.length - 1]!;
  const url = first.provenance.originalUrl ?? first.url;
  if (!url) throw new CuttingsError('invalid-input', `recapture: article ${id} ("${first.title}") has no web address to fetch again`);
  const item = await fetchForClipping({ url, tags: previous.tags }, options);
  item.provenance = { ...item.provenance, versionOf: first.id };
  const outcome = await library.addChecked(item, 'version');
  if (outcome.status === 'duplicate') return { url, first, previous, changed: false, diff: [] };
  const [before, after] = await Promise.all([library.get(previous.id), library.get(outcome.article.id)]);
  return { url, first, previous, changed: true, version: outcome.article, diff: diffWords(before.text, after.text) };
}
