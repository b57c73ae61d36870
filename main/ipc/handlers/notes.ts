/**
 * The handlers for notes, highlights and suggested tags. handler-table.ts joins these into
 * the one handler table.
 */
import { z } from 'zod';
import type { Library } from '../../core/library';
import type { GroupMethods, GroupSchemas } from '../handler-group';

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
} satisfies GroupSchemas<NotesMethod>;

/** The notes methods over the library in use: each a call of the Library method of the same name. */
export function notesMethods(getLibrary: () => Library): GroupMethods<NotesMethod> {
  return {
    setNote: async ({ id, note }) => getLibrary().setNote(id, note),
    addHighlight: async (request) => getLibrary().addHighlight(request),
    updateHighlight: async (request) => getLibrary().updateHighlight(request),
    removeHighlight: async (request) => getLibrary().removeHighlight(request),
    suggestTags: async (id) => getLibrary().suggestTags(id),
  };
}
