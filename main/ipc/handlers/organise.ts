/**
 * The handlers for organising the archive: an article's tags, the tag list, renaming,
 * merging and deleting tags with undo, tag colours, bulk tagging, tag rules and the
 * timeline. handler-table.ts joins these into the one handler table.
 */
import { z } from 'zod';
import type { AppEvent } from '../../../common/api';
import type { Library } from '../../core/library';
import type { GroupMethods, GroupSchemas } from '../handler-group';

type OrganiseMethod =
  | 'updateTags'
  | 'listTags'
  | 'renameTag'
  | 'deleteTag'
  | 'undoTagChange'
  | 'setTagColour'
  | 'bulkTag'
  | 'listRules'
  | 'addRule'
  | 'removeRule'
  | 'applyRules'
  | 'timeline';

const tag = z.string().max(1000);
const tags = z.array(tag).max(1000);

/** The argument schema of each organising method. */
export const organiseSchemas = {
  updateTags: z.tuple([z.object({ id: z.string().min(1).max(200), add: tags.optional(), remove: tags.optional() }).strict()]),
  listTags: z.tuple([]),
  renameTag: z.tuple([z.object({ from: tag, to: tag }).strict()]),
  deleteTag: z.tuple([tag]),
  undoTagChange: z.tuple([]),
  setTagColour: z.tuple([z.object({ tag, colour: z.string().max(20).nullable() }).strict()]),
  bulkTag: z.tuple([
    z.union([
      z.object({ ids: z.array(z.string().min(1).max(200)).max(200_000), add: tags.optional(), remove: tags.optional() }).strict(),
      z.object({ query: z.string().max(10_000), add: tags.optional(), remove: tags.optional() }).strict(),
    ]),
  ]),
  listRules: z.tuple([]),
  addRule: z.tuple([z.object({ query: z.string().max(10_000), tags }).strict()]),
  removeRule: z.tuple([z.number().int()]),
  applyRules: z.tuple([z.object({ dryRun: z.boolean(), ruleId: z.number().int().optional() }).strict()]),
  timeline: z.tuple([
    z.object({ query: z.string().max(10_000), by: z.enum(['published', 'clipped']), unit: z.enum(['day', 'week', 'month']) }).strict(),
  ]),
} satisfies GroupSchemas<OrganiseMethod>;

/** The organising methods over the library in use; `sendEvent` carries bulk progress to the window. */
export function organiseMethods(getLibrary: () => Library, sendEvent?: (event: AppEvent) => void): GroupMethods<OrganiseMethod> {
  // Progress of a long change as `bulk-progress` events: one as it starts and one per batch written.
  const progress = sendEvent ? (done: number, total: number) => sendEvent({ type: 'bulk-progress', done, total }) : undefined;
  return {
    updateTags: async (request) => getLibrary().updateTags(request.id, request.add ?? [], request.remove ?? []),
    listTags: async () => getLibrary().listTags(),
    renameTag: async ({ from, to }) => getLibrary().renameTag(from, to, progress),
    deleteTag: async (tag) => getLibrary().deleteTag(tag, progress),
    undoTagChange: async () => getLibrary().undoTagChange(progress),
    setTagColour: async ({ tag, colour }) => getLibrary().setTagColour(tag, colour),
    bulkTag: async (request) => getLibrary().bulkTag(request, progress),
    listRules: async () => getLibrary().tagRules(),
    addRule: async ({ query, tags }) => getLibrary().addTagRule(query, tags),
    removeRule: async (id) => getLibrary().removeTagRule(id),
    applyRules: async ({ dryRun, ruleId }) => getLibrary().applyTagRules({ dryRun, ...(ruleId === undefined ? {} : { ruleId }) }, progress),
    timeline: async (request) => getLibrary().timeline(request),
  };
}
