/**
 * A folder of saved web pages (File → Save Page As, or wget): every .html, .htm or .xhtml
 * file in it and its subfolders is clipped as a page, its file name kept in the provenance.
 * The `…_files` folders browsers save beside a page hold its images and scripts, not pages.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { MAX_CLIP_BYTES } from '../clip/input-checks';
import type { ImportCandidate } from './import-candidate';

const PAGE = /\.(html?|xhtml)$/iu;

/** The pages in a folder, in name order. */
export async function listSavedPages(folder: string): Promise<string[]> {
  const pages: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !/_files$/u.test(entry.name)) await walk(path);
      else if (entry.isFile() && PAGE.test(entry.name)) pages.push(path);
    }
  };
  await walk(folder);
  return pages;
}

/** Candidates from every saved page under `folder`, read one at a time. */
export async function* readHtmlFolder(folder: string, pages: readonly string[]): AsyncGenerator<ImportCandidate> {
  for (const path of pages) {
    const name = relative(folder, path);
    const label = `file ${name}`;
    const size = (await stat(path)).size;
    if (size > MAX_CLIP_BYTES) {
      yield { label, error: `it is ${(size / 1024 ** 2).toFixed(1)} MB; the largest page Cuttings clips is ${(MAX_CLIP_BYTES / 1024 ** 2).toFixed(1)} MB` };
      continue;
    }
    const bytes = await readFile(path);
    const originalSha256 = createHash('sha256').update(bytes).digest('hex');
    yield { label, originalSha256, item: { kind: 'html', request: { html: new TextDecoder('utf-8').decode(bytes), fileName: name }, original: bytes, method: 'import' } };
  }
}
