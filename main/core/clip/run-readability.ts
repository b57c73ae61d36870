/**
 * Mozilla Readability over a parsed page, the one place it is called: its pick of the article
 * is one of the signals the block classifier weighs (blocks/analyse-page.ts), and the
 * fallback when the classifier keeps too little (extract.ts).
 */
import { Readability } from '@mozilla/readability';
import type { DomDocument, DomElement } from './dom';

/** What Readability returns, with the article as an element (so that it can still be edited). */
export type ReadabilityResult = ReturnType<Readability<DomElement>['parse']>;

/**
 * Runs Readability on `document`, which it edits: pass a document parsed for it alone. Null
 * when it finds nothing, or throws (it does on some malformed documents).
 */
export function runReadability(document: DomDocument): ReadabilityResult {
  try {
    // The parameter is typed with the DOM lib's Document; the parsed page is one at run time.
    const reader = new Readability<DomElement>(document as unknown as ConstructorParameters<typeof Readability>[0], {
      serializer: (node) => node as unknown as DomElement,
    });
    return reader.parse();
  } catch {
    return null;
  }
}
