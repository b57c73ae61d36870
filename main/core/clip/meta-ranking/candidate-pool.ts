/**
 * The values a page offers for its title, its author and its publication date, each with
 * where it was found, pooled so that one value found in several places is one candidate that
 * knows all of them (agreement between sources is the strongest sign a value is right). The
 * ranker (metadata-ranker.ts) scores every candidate from its features and keeps the best.
 *
 * Each field has a fixed list of source kinds (TITLE_KINDS…); a candidate's features are one
 * 0/1 column per kind, then columns that describe the value (field-features.ts). The column
 * names are stored with the model, which is refused if they differ (boosted-trees.ts).
 */

/** The fields ranked. */
export type MetaField = 'title' | 'author' | 'date';

export const META_FIELDS: MetaField[] = ['title', 'author', 'date'];

/**
 * Where a title is found. `rules` is what the rules (title.ts) chose: the ranker weighs the
 * rules' answer as one source among the others, as the block classifier weighs Readability's.
 */
export const TITLE_KINDS = [
  'rules', 'ld-headline', 'ld-name', 'og-title', 'twitter-title', 'meta-title', 'dc-title', 'document-title',
  'document-title-cut', 'document-title-part', 'og-title-cut', 'h1', 'h1-first', 'h1-in-chrome', 'visible-headline',
  'h2', 'readability',
] as const;

/** Where an author is found. */
export const AUTHOR_KINDS = [
  'rules', 'ld-author', 'ld-page-author', 'article-author', 'meta-author', 'twitter-label', 'dc-creator',
  'markup', 'author-page-link', 'byline-in-text', 'after-label', 'rel-author', 'readability',
] as const;

/** Where a date is found; `*-modified` ones date a change, not the publication. */
export const DATE_KINDS = [
  'rules', 'ld-published', 'ld-created', 'ld-modified', 'ld-page-published', 'meta-published', 'meta-date',
  'meta-modified', 'time-published', 'time-in-article', 'time-first', 'time-other', 'attribute-published', 'url',
  'markup', 'near-headline', 'document-title', 'readability', 'text-start',
] as const;

export const KINDS: Record<MetaField, readonly string[]> = { title: TITLE_KINDS, author: AUTHOR_KINDS, date: DATE_KINDS };

/** One value for a field and every place it was found. */
export interface Candidate {
  /** As shown: the form the most trusted of its sources gives (the kinds' order above). */
  value: string;
  /** What two sources must share to be the same value (field-features.ts: `candidateKey`). */
  key: string;
  /** The kinds that gave it, as indices into the field's kind list. */
  kinds: Set<number>;
  /** The index of its best kind, which gave `value`. */
  bestKind: number;
  /** The order it was first found in (0 first), among the field's candidates. */
  order: number;
}

/** The candidates of one page, by field. */
export class CandidatePool {
  readonly candidates: Record<MetaField, Candidate[]> = { title: [], author: [], date: [] };
  private readonly byKey: Record<MetaField, Map<string, Candidate>> = { title: new Map(), author: new Map(), date: new Map() };

  constructor(private readonly keyOf: (field: MetaField, value: string) => string) {}

  /** Adds `value` (ignored when null or empty) as found by `kind`. */
  add(field: MetaField, kind: string, value: string | null | undefined): void {
    const text = value?.trim();
    if (!text) return;
    const kindIndex = KINDS[field].indexOf(kind);
    if (kindIndex < 0) throw new Error(`meta-ranking: '${kind}' is not a source of the ${field}`);
    const key = this.keyOf(field, text);
    if (key === '') return;
    const known = this.byKey[field].get(key);
    if (known) {
      known.kinds.add(kindIndex);
      if (kindIndex < known.bestKind) {
        known.bestKind = kindIndex;
        known.value = text;
      }
      return;
    }
    const candidate: Candidate = { value: text, key, kinds: new Set([kindIndex]), bestKind: kindIndex, order: this.candidates[field].length };
    this.candidates[field].push(candidate);
    this.byKey[field].set(key, candidate);
  }
}
