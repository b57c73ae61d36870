/**
 * The handlers for organising the archive (issue #6): renaming, merging and deleting tags
 * with undo, tag colours, bulk tagging, tag rules and the timeline. handlers.ts merges these
 * into the one handler table; the schemas follow the same rules as there.
 */
import { z } from 'zod';
import type { AppEvent, CuttingsApi } from '../../common/api';
import { CuttingsError } from '../../common/errors';
import type { Library } from '../core/library';

type OrganiseMethod =
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
} satisfies Record<OrganiseMethod, z.ZodType>;

const notYet = (what: string): never => {
  throw new CuttingsError('internal', `${what}: not built yet`);
};

/** The organising methods over the library in use; `sendEvent` carries bulk progress to the window. */
export function organiseApi(
  getLibrary: () => Library,
  sendEvent?: (event: AppEvent) => void,
): { [M in OrganiseMethod]: (...args: Parameters<CuttingsApi[M]>) => Promise<unknown> } {
  void getLibrary;
  void sendEvent;
  return {
    renameTag: async () => notYet('renameTag'),
    deleteTag: async () => notYet('deleteTag'),
    undoTagChange: async () => notYet('undoTagChange'),
    setTagColour: async () => notYet('setTagColour'),
    bulkTag: async () => notYet('bulkTag'),
    listRules: async () => notYet('listRules'),
    addRule: async () => notYet('addRule'),
    removeRule: async () => notYet('removeRule'),
    applyRules: async () => notYet('applyRules'),
    timeline: async () => notYet('timeline'),
  };
}
