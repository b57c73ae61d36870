import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { articleMarkdown, exportMarkdown } from '../../../../main/core/export/markdown';
import { SCHEMA_VERSION } from '../../../../main/core/export/schema';
import { makeTempFolder } from '../../../paths';
import { libraryWith, storedArticle, storedArticles } from './random-articles';

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(async () => {
  await folder.remove();
});

/** Splits a Markdown file into its front matter (parsed as YAML) and body. */
function split(markdown: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/u.exec(markdown);
  if (!match) throw new Error(`no front matter in ${markdown.slice(0, 80)}`);
  return { front: parse(match[1]!) as Record<string, unknown>, body: match[2]! };
}

describe('Markdown export', () => {
  it('front matter a YAML parser reads back exactly, whatever the title holds (random articles)', () => {
    fc.assert(
      fc.property(storedArticle, ({ record, content }) => {
        const { front, body } = split(articleMarkdown(record, content.text));
        expect(front).toEqual({
          schemaVersion: SCHEMA_VERSION,
          id: record.id,
          title: record.title,
          url: record.url,
          source: record.source,
          author: record.author,
          published: record.published,
          clipped: record.clipped,
          tags: record.tags,
          words: record.words,
          lang: record.lang,
          sha256: record.provenance.originalSha256,
        });
        const annotated = Boolean(record.note) || Boolean(record.highlights?.length);
        if (!annotated) expect(body.endsWith(`${content.text}\n`)).toBe(true);
        else {
          // The note and highlights follow the text under their own headings.
          expect(body.includes(`${content.text}\n`)).toBe(true);
          if (record.note) expect(body).toContain(`## Note\n\n${record.note.replace(/\s+$/u, '')}\n`);
          for (const highlight of record.highlights ?? []) expect(body).toContain(`\n> ${highlight.quote.replace(/\s+/gu, ' ').trim()}\n`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('zips one file an article, named safely and uniquely by title and id', async () => {
    const [items] = fc.sample(storedArticles, { numRuns: 1, seed: 3 });
    const library = await libraryWith(join(folder.path, 'lib'), items!);
    try {
      const out = join(folder.path, 'out.zip');
      await exportMarkdown(library, library.list().map((a) => library.record(a.id)), out);
      const files = unzipSync(await readFile(out));
      expect(Object.keys(files)).toHaveLength(items!.length);
      for (const item of items!) {
        const name = Object.keys(files).find((file) => file.endsWith(` ${item.record.id}.md`))!;
        expect(name).not.toMatch(/[<>:"/\\|?*]/u);
        expect(split(Buffer.from(files[name]!).toString('utf8')).front.title).toBe(item.record.title);
      }
    } finally {
      await library.close();
    }
  });
});
