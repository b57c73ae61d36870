/**
 * A page made ready for the block classifier: its text blocks, Readability's pick of its
 * article, and every block's features. The same functions serve extraction and training
 * (scripts/train-extraction/), so that the model is trained on exactly what it will see.
 */
import { htmlToText } from '../html-to-text';
import { parsePage } from '../dom';
import type { DomDocument, DomWindow } from '../dom';
import type { PageMetadata } from '../metadata';
import { runReadability } from '../run-readability';
import type { ReadabilityResult } from '../run-readability';
import { blockFeatures } from './block-features';
import { textBlocks } from './text-blocks';
import type { PageBlocks } from './text-blocks';

/** A page's blocks and their features. */
export interface DescribedBlocks {
  blocks: PageBlocks;
  /** `FEATURE_NAMES.length` numbers per block, row by row (block-features.ts). */
  features: Float32Array;
}

/** A page's blocks and their features, with Readability's answer. */
export interface AnalysedPage extends DescribedBlocks {
  /** Readability's answer, from a copy of the page (Readability edits what it reads). */
  readable: ReadabilityResult;
  /** The text of that answer, or null. */
  readableText: string | null;
}

/** What the page's metadata says that the classifier weighs. */
export interface AnalysisHints {
  /** The headline and the titles the metadata gives (the headline is not body text). */
  titles: string[];
  articleBody: string | null;
  /** The page's description: often its standfirst, which is body text when the page shows it. */
  description: string | null;
}

/** The hints of a page's metadata. */
export function analysisHints(metadata: Pick<PageMetadata, 'heading' | 'title' | 'titles' | 'articleBody' | 'description'>): AnalysisHints {
  const titles = [metadata.heading, metadata.title, ...metadata.titles].filter((title): title is string => Boolean(title));
  return { titles: [...new Set(titles)], articleBody: metadata.articleBody, description: metadata.description };
}

/**
 * Cuts `document` (a parsed page, not changed by anyone yet) into blocks and describes them.
 * `document` is not changed: Readability runs on a copy (see {@link readabilityOf}).
 */
export function analysePage(window: DomWindow, html: string, document: DomDocument, hints: AnalysisHints): AnalysedPage {
  const { readable, readableText } = readabilityOf(window, html, document);
  return { ...describeBlocks(document, { ...hints, readableText }), readable, readableText };
}

/**
 * Readability's answer and its text. It runs on a copy of `document` (copying is cheaper than
 * parsing again), or on a second parse of `html` when the copy fails (jsdom refuses to copy
 * an attribute whose name is not a valid XML name, which its parser let through).
 */
export function readabilityOf(window: DomWindow, html: string, document: DomDocument): { readable: ReadabilityResult; readableText: string | null } {
  let copy: DomDocument;
  try {
    copy = document.cloneNode(true) as DomDocument;
  } catch {
    copy = parsePage(window, html);
  }
  const readable = runReadability(copy);
  const readableText = readable?.content ? htmlToText(readable.content) : '';
  return { readable, readableText: readableText || null };
}

/** The blocks of `document` and their features, given what else is known of the page. */
export function describeBlocks(document: DomDocument, hints: AnalysisHints & { readableText: string | null }): DescribedBlocks {
  const blocks = textBlocks(document);
  const features = blockFeatures(blocks, { ...hints, readabilityText: hints.readableText });
  return { blocks, features };
}
