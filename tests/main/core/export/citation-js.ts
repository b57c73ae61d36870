/**
 * citation-js, to read our citation exports back as a citation tool would. It ships no types;
 * this is the little of its API the tests use.
 */
// @ts-expect-error -- @citation-js/core has no type declarations
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';

/** A CSL-JSON item as citation-js gives it. */
export type CslData = Record<string, unknown> & { title?: string; type?: string; author?: { family?: string; given?: string; literal?: string }[] };

/** Parses BibTeX, RIS or CSL-JSON text into CSL-JSON items. */
export async function parseCitations(input: string, type?: string): Promise<CslData[]> {
  const cite = await (Cite as { async(data: string, options?: object): Promise<{ data: CslData[] }> }).async(input, type ? { forceType: type } : {});
  return cite.data;
}
