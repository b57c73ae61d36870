/**
 * The user's metadata for an article to add (title, address, source, date, tags…), checked
 * and tidied before anything is clipped or stored, and what the clipper is given of an item.
 */
import type { AddOptions } from '../../../common/api';
import { isPublishedDate } from '../../../common/article-details';
import { CuttingsError } from '../../../common/errors';
import { normaliseTag } from '../../../common/tags';
import type { BatchItem } from '../capture/batch-item';
import type { ClipInput } from '../clip/clip-item';

/** The user's metadata once checked: white space tidied, blanks left out, tags normalised. */
export interface ValidatedAddOptions {
  title?: string;
  url?: string;
  source?: string;
  published?: string;
  tags: string[];
  author?: string;
  fileName?: string;
}

/** Checks the user's metadata before anything is clipped or stored. */
export function validateAddOptions(options: AddOptions): ValidatedAddOptions {
  const clean = (value: string | undefined) => {
    const trimmed = value?.replace(/\s+/gu, ' ').trim();
    return trimmed ? trimmed : undefined;
  };
  const url = clean(options.url);
  if (url !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      throw new CuttingsError('invalid-input', `add: ${JSON.stringify(url)} is not a web address (http or https)`);
    }
  }
  const published = clean(options.published);
  // The same dates as editing an article's details takes (common/article-details.ts).
  if (published !== undefined && !isPublishedDate(published)) {
    throw new CuttingsError('invalid-input', `add: published date ${JSON.stringify(published)} is not a date (YYYY-MM-DD, or a full ISO 8601 time such as 2024-03-05T09:30:00Z)`);
  }
  return {
    title: clean(options.title),
    url,
    source: clean(options.source),
    published,
    tags: (options.tags ?? []).map(normaliseTag),
    author: clean(options.author),
    fileName: clean(options.fileName),
  };
}

/** What the clipper takes of a batch item. */
export function clipInput(item: BatchItem, options: ValidatedAddOptions): ClipInput {
  return {
    kind: item.kind,
    request: item.request,
    original: item.original,
    url: options.url ?? item.pageUrl,
    fileName: options.fileName ?? item.name,
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(item.scan ? { words: item.scan.words } : {}),
  };
}
