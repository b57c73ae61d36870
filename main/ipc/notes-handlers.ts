/**
 * The handlers for notes, highlights and suggested tags (issue #6). handlers.ts merges these
 * into the one handler table; the schemas follow the same rules as there.
 */
import { z } from 'zod';
import type { CuttingsApi } from '../../common/api';
import { CuttingsError } from '../../common/errors';
import type { Library } from '../core/library';

type NotesMethod = 'setNote' | 'addHighlight' | 'updateHighlight' | 'removeHighlight' | 'suggestTags';

const id = z.string().min(1).max(200);

/** The argument schema of each notes method. */
export const notesSchemas = {
  setNote: z.tuple([z.object({ id, note: z.string().max(1_000_000) }).strict()]),
  addHighlight: z.tuple([
    z
      .object({ id, quote: z.string().max(100_000), prefix: z.string().max(200).optional(), suffix: z.string().max(200).optional(), comment: z.string().max(100_000).optional() })
      .strict(),
  ]),
  updateHighlight: z.tuple([z.object({ id, highlightId: id, comment: z.string().max(100_000) }).strict()]),
  removeHighlight: z.tuple([z.object({ id, highlightId: id }).strict()]),
  suggestTags: z.tuple([id]),
} satisfies Record<NotesMethod, z.ZodType>;

const notYet = (what: string): never => {
  throw new CuttingsError('internal', `${what}: not built yet`);
};

/** The notes methods over the library in use. */
export function notesApi(getLibrary: () => Library): { [M in NotesMethod]: (...args: Parameters<CuttingsApi[M]>) => Promise<unknown> } {
  void getLibrary;
  return {
    setNote: async () => notYet('setNote'),
    addHighlight: async () => notYet('addHighlight'),
    updateHighlight: async () => notYet('updateHighlight'),
    removeHighlight: async () => notYet('removeHighlight'),
    suggestTags: async () => notYet('suggestTags'),
  };
}
