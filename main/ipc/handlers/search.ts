/**
 * The handlers for searching and for the saved searches of the sidebar. handler-table.ts
 * joins these into the one handler table.
 */
import { z } from 'zod';
import type { Library } from '../../core/library';
import type { GroupMethods, GroupSchemas } from '../handler-group';

type SearchMethod = 'search' | 'listSavedSearches' | 'saveSearch' | 'deleteSavedSearch';

/** The argument schema of each search method. */
export const searchSchemas = {
  search: z.tuple([
    z
      .object({
        query: z.string().max(10_000),
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).optional(),
        sort: z.enum(['relevance', 'published', 'clipped']).optional(),
      })
      .strict(),
  ]),
  listSavedSearches: z.tuple([]),
  saveSearch: z.tuple([z.object({ name: z.string().max(200), query: z.string().max(10_000) }).strict()]),
  deleteSavedSearch: z.tuple([z.string().max(200)]),
} satisfies GroupSchemas<SearchMethod>;

/** The search methods over the library in use. */
export function searchMethods(getLibrary: () => Library): GroupMethods<SearchMethod> {
  return {
    search: async (request) => getLibrary().search(request.query, request),
    listSavedSearches: async () => getLibrary().savedSearches(),
    saveSearch: async (search) => getLibrary().saveSearch(search.name, search.query),
    deleteSavedSearch: async (name) => getLibrary().deleteSavedSearch(name),
  };
}
