/**
 * The HTML export opens offline in a real browser: Debian's Chromium loads the exported
 * site from file:// with every network request refused, shows the index, filters by tag by
 * following a link, opens an article, and reports no Content-Security-Policy violation
 * (its one inline style is allowed by hash) and no script run from an article's text.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { exportHtmlSite } from '../../main/core/export/html-site';
import { Library } from '../../main/core/library';

test('the exported site opens offline, filters by tag and shows escaped articles', async ({ page, context }) => {
  const folder = await mkdtemp(join(tmpdir(), 'cuttings-html-export-'));
  try {
    const library = await Library.open(join(folder, 'library'));
    try {
      await library.addText({ text: 'Geneva talks <script>window.pwned=1</script>\n\nThe ministers met for ninety minutes.', tags: ['ukraine/diplomacy'] });
      await library.addText({ text: 'Gas prices climb\n\nPrices rose for a third week.', tags: ['energy'] });
      await exportHtmlSite(library, library.list().map((a) => library.record(a.id)), join(folder, 'site'));
    } finally {
      await library.close();
    }
    const requests: string[] = [];
    await context.route(/^https?:/u, (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/iu.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(pathToFileURL(join(folder, 'site', 'index.html')).href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cuttings: 2 articles');
    await expect(page.locator('ul.articles li')).toHaveCount(2);
    // The one inline style applies (the CSP allows it by hash): the list has no bullets.
    await expect(page.locator('ul.articles')).toHaveCSS('list-style-type', 'none');

    await page.getByRole('link', { name: 'energy (1)' }).click();
    await expect(page.locator('ul.articles li')).toHaveCount(1);
    await expect(page.locator('ul.articles a')).toHaveText('Gas prices climb');

    await page.getByRole('link', { name: 'All' }).click();
    await page.getByRole('link', { name: 'Geneva talks <script>window.pwned=1</script>' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geneva talks <script>window.pwned=1</script>');
    await expect(page.locator('article p').last()).toHaveText('The ministers met for ninety minutes.');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
