/**
 * The handlers for the library's articles: what it is and how many it holds, one article,
 * and editing an article's details (title, date, author, source) after capture.
 * handler-table.ts joins these into the one handler table.
 */
import { z } from 'zod';
import { MAX_DETAIL_CHARS } from '../../../common/article-details';
import type { Library } from '../../core/library';
import type { GroupMethods, GroupSchemas } from '../handler-group';

type ArticlesMethod = 'libraryInfo' | 'getArticle' | 'editDetails';

/** A detail as sent: room for white space the core tidies away, never an unbounded string. */
const detail = z.string().max(MAX_DETAIL_CHARS * 2).optional();

/** The argument schema of each reading method. */
export const articlesSchemas = {
  libraryInfo: z.tuple([]),
  getArticle: z.tuple([z.string().min(1).max(200)]),
  // Which values are good (a real date, a title not empty) is the core's to say (common/article-details.ts).
  editDetails: z.tuple([z.object({ id: z.string().min(1).max(200), title: detail, published: z.string().max(100).optional(), author: detail, source: detail }).strict()]),
} satisfies GroupSchemas<ArticlesMethod>;

/** The article methods over the library in use. */
export function articlesMethods(getLibrary: () => Library): GroupMethods<ArticlesMethod> {
  return {
    libraryInfo: async () => getLibrary().info(),
    getArticle: async (id) => getLibrary().get(id),
    editDetails: async ({ id, ...details }) => getLibrary().editDetails(id, details),
  };
}
