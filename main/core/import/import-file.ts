/**
 * Imports one file the user opened with Cuttings (from the OS, a second launch's command
 * line, File ▸ Import…): a saved web page (.html, .htm) is clipped as HTML, a text file
 * (.txt, .md) as text, and a Cuttings archive (.cuttings, or .jsonl) is imported line by line
 * (the format of `cuttings import`: one JSON object a line). The file is read here, in main,
 * never handed over by the window.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import { decodeText } from '../capture/decode-text';
import { MAX_CLIP_BYTES } from '../clip/input-checks';
import { importJsonl } from './import-jsonl';
import type { ArticleWriter } from '../library/article-access';

/** The kinds of file Cuttings imports, by extension. */
export type OpenedFileKind = 'html' | 'text' | 'archive';

/** The extension of a Cuttings archive: JSON Lines in the format of `cuttings import`. */
export const ARCHIVE_EXTENSION = '.cuttings';

/** What importing a file did. */
export interface FileImport {
  path: string;
  kind: OpenedFileKind;
  /** How many articles were added. */
  added: number;
  /** Lines of an archive that could not be imported, with why. */
  failed: { line: number; message: string }[];
}

/**
 * What kind of file `path` is by its extension, or null if Cuttings does not import it.
 *
 * @example classifyOpenedFile('/tmp/Story.HTM') // → 'html'
 */
export function classifyOpenedFile(path: string): OpenedFileKind | null {
  switch (extname(path).toLowerCase()) {
    case '.html':
    case '.htm':
      return 'html';
    case '.txt':
    case '.md':
      return 'text';
    case ARCHIVE_EXTENSION:
    case '.jsonl':
      return 'archive';
    default:
      return null;
  }
}

/** Imports one file into the library; throws a CuttingsError naming the file when it cannot. */
export async function importFile(library: ArticleWriter, path: string): Promise<FileImport> {
  const kind = classifyOpenedFile(path);
  if (kind === null) {
    throw new CuttingsError('invalid-input', `import: cannot open ${path}: Cuttings opens .html, .htm, .txt, .md and ${ARCHIVE_EXTENSION} files`);
  }
  if (kind === 'archive') {
    const summary = await importJsonl(library, path);
    return { path, kind, added: summary.imported, failed: summary.failed };
  }
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CuttingsError('invalid-input', `import: ${path} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof CuttingsError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CuttingsError('invalid-input', `import: cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (size > MAX_CLIP_BYTES) {
    throw new CuttingsError('bad-content', `import: ${path} is ${Math.ceil(size / 1024 / 1024)} MB; the largest file Cuttings clips is ${MAX_CLIP_BYTES / 1024 / 1024} MB`);
  }
  // A page in the encoding it declares (ISO-8859-1 pages are common); other text as UTF-8, leniently.
  const bytes = await readFile(path);
  const content = kind === 'html' ? decodeText(bytes) : new TextDecoder('utf-8').decode(bytes);
  const fileName = basename(path);
  if (kind === 'html') await library.addHtml({ html: content, fileName }, 'file');
  else await library.addText({ text: content, fileName }, 'file');
  return { path, kind, added: 1, failed: [] };
}

/** One line for the user about an import, such as `Imported 3 articles from week.cuttings`. */
export function describeImport(result: FileImport): string {
  const name = basename(result.path);
  const articles = `${result.added} ${result.added === 1 ? 'article' : 'articles'}`;
  const failures = result.failed.length === 0 ? '' : `; ${result.failed.length} ${result.failed.length === 1 ? 'line' : 'lines'} could not be imported (line ${result.failed[0]!.line}: ${result.failed[0]!.message})`;
  return `Imported ${articles} from ${name}${failures}`;
}
