/**
 * A scanned article's scan for the reader, and the user's correction of its text stored as a
 * new version (captures are never rewritten: the recognised text stays in the first). The
 * correction keeps the scan's pages; its words are carried over to the corrected text
 * (ocr/carry-words.ts) so that the reader still shows each word on the scan.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddOutcome, ScanView } from '../../../common/api';
import { CuttingsError } from '../../../common/errors';
import type { BatchItem } from '../capture/batch-item';
import { carryWords } from '../ocr/carry-words';
import { assetsFolder } from '../storage/assets';
import { readCapture, readOriginal } from '../storage/captures';
import { packWords, unpackWords } from '../storage/scan-capture';
import type { DuplicatePolicy } from './article-access';
import type { LibraryContext } from './library-context';

/** The scan of article `id` with its pages' images and words; `invalid-input` when it is no scan. */
export async function scanView(context: LibraryContext, id: string): Promise<ScanView> {
  context.record(id);
  const { scan } = await readCapture(context.root, id);
  if (!scan) throw new CuttingsError('invalid-input', `ocr: article ${id} is not a scan`);
  const pages = [];
  for (const page of scan.pages) {
    const image = await readFile(join(assetsFolder(context.root), page.image)).catch(() => null);
    if (!image) throw new CuttingsError('library', `library: the image of page ${page.page} of article ${id} is missing (${page.image})`);
    const words = unpackWords(page.words)
      .filter((word) => word.start >= 0)
      .map(({ text: _text, ...word }) => word);
    pages.push({ mediaType: 'image/jpeg', dataBase64: image.toString('base64'), width: page.width, height: page.height, from: page.from, confidence: page.confidence, words });
  }
  return {
    id,
    pages,
    languages: scan.languages,
    engine: scan.engine,
    guessed: scan.guessed,
    printPage: scan.printPage ?? null,
    section: scan.section ?? null,
    correctedFrom: scan.correctedFrom ?? null,
    originals: scan.originals.map(({ name, mediaType, sha256, size }) => ({ name, mediaType, sha256, size })),
  };
}

/** Stores `text` as the corrected text of scanned article `id`, a new version of its first capture. */
export async function correctScanText(context: LibraryContext, id: string, text: string, add: (item: BatchItem, onDuplicate: DuplicatePolicy) => Promise<AddOutcome>, versionRoot: string): Promise<AddOutcome> {
  const record = context.record(id);
  const content = await readCapture(context.root, id);
  const scan = content.scan;
  if (!scan) throw new CuttingsError('invalid-input', `ocr: article ${id} is not a scan; only a scan's text can be corrected`);
  if (text.trim() === '') throw new CuttingsError('invalid-input', 'ocr: the corrected text is empty');
  const original = await readOriginal(context.root, id);
  const pages = scan.pages.map((page) => ({ ...page, words: packWords(carryWords(content.text, text, unpackWords(page.words))) }));
  const words = pages.flatMap((page) => unpackWords(page.words)).filter((word) => word.start >= 0);
  return add(
    {
      kind: 'scan',
      request: { text, title: record.title, ...(record.source ? { source: record.source } : {}), ...(record.published ? { published: record.published.slice(0, 10) } : {}), tags: record.tags, ...(record.provenance.fileName ? { fileName: record.provenance.fileName } : {}) },
      original: original.bytes,
      originalKind: original.kind,
      method: record.provenance.method,
      provenance: { ...(record.provenance.contentType ? { contentType: record.provenance.contentType } : {}), versionOf: versionRoot },
      scan: { stored: { ...scan, pages, correctedFrom: id }, assets: [], words: words.map(({ start, end, confidence }) => ({ start, end, confidence })) },
      // Signed and logged as a correction, not a re-capture (evidence/capture-manifest.ts).
      custodyEvent: 'corrected',
    },
    'version',
  );
}
