/**
 * The handlers for reading the library: what it is and holds, its articles, one article.
 * handler-table.ts joins these into the one handler table.
 */
import { z } from 'zod';
import type { Library } from '../../core/library';
import type { GroupMethods, GroupSchemas } from '../handler-group';

type ArticlesMethod = 'libraryInfo' | 'listArticles' | 'getArticle';

/** The argument schema of each reading method. */
export const articlesSchemas = {
  libraryInfo: z.tuple([]),
  listArticles: z.tuple([]),
  getArticle: z.tuple([z.string().min(1).max(200)]),
} satisfies GroupSchemas<ArticlesMethod>;

/** The reading methods over the library in use. */
export function articlesMethods(getLibrary: () => Library): GroupMethods<ArticlesMethod> {
  return {
    libraryInfo: async () => getLibrary().info(),
    listArticles: async () => getLibrary().list(),
    getArticle: async (id) => getLibrary().get(id),
  };
}
