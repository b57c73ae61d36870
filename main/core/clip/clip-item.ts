/**
 * The costly, library-independent part of adding an article: clipping it and working out
 * what its record needs from the text (hashes, word count, the text sketch for duplicates).
 * It needs nothing of the library, so a bulk add can run it in a worker thread
 * (clip-worker.ts) while the library's thread writes the batch before.
 */
import { createHash } from 'node:crypto';
import type { AddHtmlRequest, AddTextRequest } from '../../../common/api';
import { CuttingsError } from '../../../common/errors';
import { countWords } from '../../../common/text';
import type { ClippedArticle } from './clipped-article';
import { clipPlainText } from './plain-text';
import { clipScanText, type ScanWordSpan } from './scan-text';
import { textSketch } from '../duplicates/text-fingerprint';
import { zipOriginal } from '../storage/captures';

/** What clipItem needs of a batch item: its kind, request, original bytes and names. */
export interface ClipInput {
  kind: 'text' | 'html' | 'scan';
  request: AddTextRequest | AddHtmlRequest;
  original?: Uint8Array;
  /** The URL to resolve links against, and the names for messages. */
  url?: string;
  fileName?: string;
  /** A scan's words (their characters in the text, their confidence), for its reader HTML. */
  words?: readonly ScanWordSpan[];
  /** The title given beside plain text: then all of the text is the article (see clipPlainText). */
  title?: string;
}

/** A clipped article with what its record needs from the text. */
export interface ClipOutcome {
  clipped: ClippedArticle;
  /** The bytes as received, compressed as the capture keeps them (zipOriginal). */
  zippedOriginal: Uint8Array;
  words: number;
  originalSha256: string;
  textSha256: string;
  textSketch: string;
}

/** Clips one item; throws the clipper's error (a ClipError, with its message) for bad input. */
export async function clipItem(input: ClipInput): Promise<ClipOutcome> {
  let clipped: ClippedArticle;
  let source: string;
  if (input.kind === 'html') {
    source = (input.request as AddHtmlRequest).html;
    // The HTML clipper loads jsdom, which takes half a second: only when a page is clipped.
    const { clipHtml } = await import('./html');
    clipped = clipHtml(source, { url: input.url, fileName: input.fileName });
  } else if (input.kind === 'scan') {
    // Recognised text is kept as it is: the words' boxes point at its characters.
    source = (input.request as AddTextRequest).text;
    clipped = clipScanText(source, input.words ?? [], input.request.title, input.fileName ?? 'the scan');
  } else {
    source = (input.request as AddTextRequest).text;
    clipped = clipPlainText(source, { fileName: input.fileName, title: input.title });
  }
  const original = input.original ?? Buffer.from(source, 'utf8');
  return {
    clipped,
    zippedOriginal: zipOriginal(original),
    words: countWords(clipped.text),
    originalSha256: sha256(original),
    textSha256: sha256(Buffer.from(clipped.text, 'utf8')),
    textSketch: textSketch(clipped.text),
  };
}

/** SHA-256 of some bytes, in hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** clipItem's answer for one item, as it crosses from the clip worker. */
export type ClipAnswer = { ok: true; value: ClipOutcome } | { ok: false; code: string; message: string; expected: boolean };

/** Clips several items, each on its own: a bad one is answered with its error, not thrown. */
export async function clipItems(inputs: ClipInput[]): Promise<ClipAnswer[]> {
  const answers: ClipAnswer[] = [];
  for (const input of inputs) {
    try {
      answers.push({ ok: true, value: await clipItem(input) });
    } catch (error) {
      // A CuttingsError is bad input (the item fails, the batch goes on); anything else is a bug.
      const expected = error instanceof CuttingsError;
      answers.push({ ok: false, code: expected ? error.code : 'internal', message: (error as Error).message, expected });
    }
  }
  return answers;
}
