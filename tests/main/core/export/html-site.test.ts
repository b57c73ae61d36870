import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportHtmlSite, SITE_CSP } from '../../../../main/core/export/html-site';
import { Library } from '../../../../main/core/library';
import { makeTempFolder } from '../../../paths';

let folder: Awaited<ReturnType<typeof makeTempFolder>>;
beforeEach(async () => {
  folder = await makeTempFolder();
});
afterEach(async () => {
  await folder.remove();
});

const HOSTILE_TITLE = '<script>alert(1)</script> & "quotes" \'here\'';
const HOSTILE_TAG = '"><img src=x onerror=alert(2)>';

async function build(): Promise<{ site: string; ids: string[] }> {
  const library = await Library.open(join(folder.path, 'lib'));
  const ids: string[] = [];
  try {
    ids.push((await library.addText({ text: `${HOSTILE_TITLE}\n\nBody with <iframe src="https://evil.example"></iframe> and a line.`, tags: [HOSTILE_TAG, 'ukraine'], url: 'https://news.example.org/a?b=1&c=2' })).id);
    ids.push((await library.addText({ text: 'Geneva talks\n\nThe ministers met for ninety minutes.', tags: ['ukraine/diplomacy'], source: 'Example Wire' })).id);
    ids.push((await library.addText({ text: 'Gas prices\n\nPrices rose again.', tags: ['energy'] })).id);
    const site = join(folder.path, 'site');
    await exportHtmlSite(library, library.list().map((a) => library.record(a.id)), site);
    return { site, ids };
  } finally {
    await library.close();
  }
}

async function pages(site: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(site, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.push(join(entry.parentPath, entry.name));
  }
  return found;
}

describe('HTML site export', () => {
  it('escapes every field and gives every page a CSP that loads nothing from anywhere', async () => {
    const { site } = await build();
    const all = await pages(site);
    expect(all.filter((p) => p.includes('/articles/'))).toHaveLength(3);
    for (const path of all) {
      const html = await readFile(path, 'utf8');
      const document = new JSDOM(html).window.document;
      expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(SITE_CSP);
      expect(document.querySelectorAll('script, iframe, img, object, embed')).toHaveLength(0);
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img src=x');
      expect([...document.querySelectorAll('*')].some((element) => [...element.attributes].some((a) => a.name.startsWith('on')))).toBe(false);
    }
    const index = new JSDOM(await readFile(join(site, 'index.html'), 'utf8')).window.document;
    expect([...index.querySelectorAll('ul.articles a')].map((a) => a.textContent)).toContain(HOSTILE_TITLE);
    expect([...index.querySelectorAll('nav.tags a')].map((a) => a.textContent)).toContain(`${HOSTILE_TAG} (1)`);
    expect(SITE_CSP).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'none'; base-uri 'none'; form-action 'none'$/u);
  });

  it('filters by tag with plain links: each tag page lists the articles under it, and every link leads to a page', async () => {
    const { site } = await build();
    const index = new JSDOM(await readFile(join(site, 'index.html'), 'utf8')).window.document;
    const tagLinks = [...index.querySelectorAll('nav.tags a')].map((a) => [a.textContent, a.getAttribute('href')!] as const);
    expect(tagLinks[0]![0]).toBe('All');
    expect(tagLinks.slice(1).map(([text]) => text).sort()).toEqual(['ukraine (1)', 'energy (1)', HOSTILE_TAG.concat(' (1)'), 'ukraine/diplomacy (1)'].sort());
    const diplomacy = tagLinks.find(([text]) => text === 'ukraine/diplomacy (1)')![1];
    const tagPage = new JSDOM(await readFile(join(site, decodeURIComponent(diplomacy)), 'utf8')).window.document;
    expect([...tagPage.querySelectorAll('ul.articles a')].map((a) => a.textContent)).toEqual(['Geneva talks']);
    for (const path of await pages(site)) {
      const document = new JSDOM(await readFile(path, 'utf8')).window.document;
      for (const link of document.querySelectorAll('a[href]')) {
        const href = link.getAttribute('href')!;
        if (/^https?:/u.test(href)) continue;
        expect(existsSync(join(dirname(path), decodeURIComponent(href))), `${path} → ${href}`).toBe(true);
      }
    }
  });

  it('refuses to write over a folder that holds files', async () => {
    const library = await Library.open(join(folder.path, 'lib'));
    try {
      await expect(exportHtmlSite(library, [], folder.path)).rejects.toThrow(`export: ${folder.path} already exists; give a new folder name or remove it first`);
    } finally {
      await library.close();
    }
  });
});

describe('HTML site export of notes and highlights', () => {
  it('shows the note and each highlight with its comment after the text, escaped', async () => {
    const library = await Library.open(join(folder.path, 'lib'));
    const site = join(folder.path, 'site');
    try {
      const { id } = await library.addText({ text: 'Geneva talks\n\nThe ministers met for ninety minutes.' });
      await library.setNote(id, 'Check <b>this</b>\n\nSecond paragraph & more');
      await library.addHighlight({ id, quote: 'ninety minutes', comment: '<script>alert(3)</script>' });
      await exportHtmlSite(library, [library.record(id)], site);
    } finally {
      await library.close();
    }
    const [file] = (await pages(site)).filter((p) => p.includes('/articles/'));
    const html = await readFile(file!, 'utf8');
    const document = new JSDOM(html).window.document;
    expect([...document.querySelectorAll('section.note p')].map((p) => p.textContent)).toEqual(['Check <b>this</b>', 'Second paragraph & more']);
    expect(document.querySelector('section.highlights blockquote')?.textContent).toBe('ninety minutes');
    expect(document.querySelector('section.highlights li p')?.textContent).toBe('<script>alert(3)</script>');
    expect(document.querySelectorAll('script, b')).toHaveLength(0);
  });
});
