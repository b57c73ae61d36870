/**
 * The handlers of evidence: the signing key and the library's keys, the TSA and the roots
 * trusted for it, sending waiting timestamps, writing a cutting's evidence report (and the
 * OS's save dialog for it), and deleting a cutting on the record. handler-table.ts joins
 * these into the one handler table.
 */
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { CuttingsError } from '../../../common/errors';
import type { Library } from '../../core/library';
import type { GroupMethods, GroupSchemas } from '../handler-group';

type EvidenceMethod = 'evidenceStatus' | 'chooseTsa' | 'trustTsaRoot' | 'timestampNow' | 'writeEvidenceReport' | 'chooseEvidencePath' | 'deleteArticle';

/** What the evidence channels need from the desktop app: the OS's dialog for where a report (or its bundle folder) goes. */
export interface EvidenceServices {
  /** Shows the OS's save (report) or folder (bundle) dialog; resolves to null when the user cancels. */
  chooseEvidencePath?: (kind: 'report' | 'bundle') => Promise<string | null>;
}

const fullPath = (what: string) =>
  z
    .string()
    .min(1)
    .max(4096)
    .refine((path) => isAbsolute(path), { message: `${what} must be a full path` });

/** The argument schema of each evidence method. */
export const evidenceSchemas = {
  evidenceStatus: z.tuple([]),
  chooseTsa: z.tuple([z.string().max(2048).nullable()]),
  trustTsaRoot: z.tuple([z.object({ pem: z.string().min(1).max(1_000_000), name: z.string().min(1).max(1000) }).strict()]),
  timestampNow: z.tuple([]),
  writeEvidenceReport: z.tuple([z.object({ id: z.string().min(1).max(200), path: fullPath('the report'), bundle: fullPath('the bundle folder').optional() }).strict()]),
  chooseEvidencePath: z.tuple([z.enum(['report', 'bundle'])]),
  deleteArticle: z.tuple([z.object({ id: z.string().min(1).max(200), reason: z.string().max(1000).optional() }).strict()]),
} satisfies GroupSchemas<EvidenceMethod>;

/** The evidence methods over the library in use. */
export function evidenceMethods(getLibrary: () => Library, services: EvidenceServices = {}): GroupMethods<EvidenceMethod> {
  return {
    evidenceStatus: async () => getLibrary().evidenceStatus(),
    chooseTsa: async (url) => {
      await getLibrary().chooseTsa(url);
      return getLibrary().evidenceStatus();
    },
    trustTsaRoot: async ({ pem, name }) => {
      await getLibrary().trustTsaRoots(pem, name);
      return getLibrary().evidenceStatus();
    },
    timestampNow: async () => getLibrary().timestampWaiting(),
    writeEvidenceReport: async ({ id, path, bundle }) => {
      const verdict = await getLibrary().writeEvidenceReport(id, { pdf: path, bundle });
      return { path, bundle: bundle ?? null, ...verdict };
    },
    chooseEvidencePath: async (kind) => {
      if (!services.chooseEvidencePath) throw new CuttingsError('invalid-input', 'evidence: choosing where to save needs the desktop app; type the full path instead');
      return services.chooseEvidencePath(kind);
    },
    deleteArticle: async ({ id, reason }) => {
      await getLibrary().deleteArticle(id, reason ?? '');
      return true as const;
    },
  };
}
