// A catalog record for storage tests: only the id and the tags vary.
import type { ArticleRecord } from '../../../../main/core/storage/article-record';

/** A minimal, valid catalog record with this id and these tags. */
export function testRecord(id: string, tags: string[] = []): ArticleRecord {
  return {
    id,
    title: `Article ${id}`,
    url: null,
    source: null,
    author: null,
    published: null,
    clipped: '2026-01-01T00:00:00.000Z',
    tags,
    excerpt: '',
    words: 1,
    lang: null,
    provenance: { method: 'paste', captured: '2026-01-01T00:00:00.000Z', originalSha256: 'a', textSha256: 'b', appVersion: '0' },
  };
}
