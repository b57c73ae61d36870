/**
 * The heading over the article list: what is listed ("All articles", a tag, "Search results"),
 * how many results a search has, and the note that a search looked at titles only because the
 * search index was still loading. All three follow the listing.
 */
import { plural } from '../helpers/format';
import type { Listing } from '../listing/listing';

/** The elements of the list's header in index.html. */
export interface ListHeaderElements {
  title: HTMLElement;
  /** The result count beside the title. */
  total: HTMLElement;
  /** "Searching titles only while the index loads". */
  titlesOnlyNote: HTMLElement;
}

/** The list's header; one per window. */
export class ListHeader {
  constructor({ title, total, titlesOnlyNote }: ListHeaderElements, listing: Listing) {
    const setTotal = (text: string) => {
      total.textContent = text;
      total.hidden = text === '';
    };
    listing.subscribe((event) => {
      if (event.type === 'query' && event.text === '') {
        title.textContent = event.tag ?? 'All articles';
        titlesOnlyNote.hidden = true;
      } else if (event.type === 'listed' && event.search === null) {
        setTotal('');
      } else if (event.type === 'listed' && event.search) {
        const { results } = event.search;
        title.textContent = event.tag === null ? 'Search results' : `Search results in ${event.tag}`;
        titlesOnlyNote.hidden = results.titlesOnly !== true;
        setTotal(plural(results.total, 'result'));
      }
    });
  }
}
