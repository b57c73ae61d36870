/**
 * A page's `<meta>` tags, by key: `name`, `property`, `itemprop` and `http-equiv`, lower-cased,
 * Dublin Core written either way.
 */
import { selectAll } from './dom';
import type { DomDocument } from './dom';
import { cleanText } from './meta-text';

/**
 * All `<meta>` values by lower-cased key (name, property, itemprop, http-equiv), in page
 * order. `property` may hold several space-separated keys (RDFa), so each is recorded.
 */
export function readMetaTags(document: DomDocument): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const element of selectAll(document, 'meta[content]')) {
    const content = cleanText(element.getAttribute('content'));
    if (!content) continue;
    const keys = [
      element.getAttribute('name'),
      element.getAttribute('property'),
      element.getAttribute('itemprop'),
      element.getAttribute('http-equiv'),
    ];
    for (const attribute of keys) {
      for (const raw of attribute?.toLowerCase().split(/\s+/) ?? []) {
        if (!raw) continue;
        // Dublin Core is written both ways: `DC.creator` and (RDFa) `dc:creator`.
        const key = raw.replace(/^(dc|dcterms):/, '$1.');
        const list = values.get(key);
        if (list) list.push(content);
        else values.set(key, [content]);
      }
    }
  }
  return values;
}

/** The values of the first of `keys` the page has. */
export function metaValues(meta: Map<string, string[]>, ...keys: string[]): string[] {
  for (const key of keys) {
    const list = meta.get(key);
    if (list?.length) return list;
  }
  return [];
}
