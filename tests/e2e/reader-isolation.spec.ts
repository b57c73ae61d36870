/**
 * Reading a clipped page never runs it: a saved page full of script payloads shows its
 * text in the reader while none of the payloads does anything — no global set, no title
 * changed, no request to the harness, nothing logged. Whatever layer stops each payload
 * (main's sanitiser, the renderer's cleaning, the iframe's sandbox, the CSPs), this pins the
 * outcome.
 */
import { expect, test } from './fixtures';

/** A page whose every payload, if it ran, would leave a trace the test can see. */
function hostilePage(origin: string): string {
  const act = (name: string) =>
    `window.top.pwned='${name}';parent.pwned='${name}';top.document.title='pwned ${name}';` +
    `console.log('PWNED ${name}');fetch('${origin}/pwned-${name}');fetch('/pwned-${name}-relative');`;
  return `<!doctype html>
<html>
<head>
  <title>Harbour bridge reopens after repairs</title>
  <meta http-equiv="refresh" content="0;url=${origin}/pwned-refresh">
  <base href="${origin}/pwned-base/">
  <link rel="stylesheet" href="${origin}/pwned-stylesheet.css">
  <script>${act('head-script')}</script>
  <style>@import url('${origin}/pwned-import.css'); body { background: url('${origin}/pwned-background.png'); }</style>
</head>
<body onload="${act('body-onload')}">
  <article>
    <h1>Harbour bridge reopens after repairs</h1>
    <p>The harbour bridge reopened to traffic on Monday after eighteen months of repairs to
    its steel deck, the city council said, ahead of schedule and under budget.</p>
    <img src="${origin}/pwned-image.png" onerror="${act('img-onerror')}" onload="${act('img-onload')}">
    <img src="x" onerror="${act('img-onerror-x')}">
    <p>Engineers replaced more than four hundred rivets and repainted the whole span. Ferry
    services that ran during the closure will stop at the end of the month.</p>
    <svg onload="${act('svg-onload')}"><circle r="4"></circle></svg>
    <iframe src="${origin}/pwned-iframe" srcdoc="<script>${act('iframe-srcdoc').replace(/'/gu, '&#39;')}</script>"></iframe>
    <object data="${origin}/pwned-object"></object>
    <embed src="${origin}/pwned-embed">
    <video src="${origin}/pwned-video" autoplay onloadstart="${act('video')}"></video>
    <form action="${origin}/pwned-form"><input name="q" autofocus onfocus="${act('autofocus')}"></form>
    <a id="js-link" href="javascript:${act('javascript-url')}">More on the bridge</a>
    <p>Residents said the reopening would cut their commute by half an hour each way.</p>
    <script>${act('body-script')}</script>
    <script src="${origin}/pwned-external-script.js"></script>
    <noscript><img src="${origin}/pwned-noscript.png"></noscript>
  </article>
</body>
</html>`;
}

test('a clipped page with script payloads shows its text in the reader and runs nothing', async ({ app, harness, page }) => {
  const origin = harness.url.replace(/\/$/u, '');
  const titleBefore = await page.title();
  const pageRequests: string[] = [];
  page.on('request', (request) => pageRequests.push(request.url()));

  await app.addFile({ name: 'harbour-bridge.html', mimeType: 'text/html', buffer: Buffer.from(hostilePage(origin)) });

  const title = 'Harbour bridge reopens after repairs';
  await app.waitForReader(title);
  const body = app.readerFrame.locator('body');
  await expect(body).toContainText('The harbour bridge reopened to traffic on Monday');
  await expect(body).toContainText('Residents said the reopening');

  // The iframe may not run scripts: its one permission is allow-same-origin (so that the window
  // can read the selection, for highlights), and its document carries the reader policy.
  expect(await app.readerIframe.getAttribute('sandbox')).toBe('allow-same-origin');
  await expect(app.readerFrame.locator('head meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    /^default-src 'none'; img-src cuttings-asset:;/u,
  );

  // Clicking the javascript: link (if it survived at all) must not run it either.
  const link = app.readerFrame.locator('#js-link');
  if ((await link.count()) > 0) await link.click();

  // Give anything that might fire late (load events, timers, refresh) a moment, then look.
  await page.waitForTimeout(750);
  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
  expect(await page.title()).toBe(titleBefore);
  expect(app.consoleMessages.map((message) => message.text()).filter((text) => text.includes('PWNED'))).toEqual([]);
  expect(pageRequests.filter((url) => url.includes('pwned'))).toEqual([]);
  expect(harness.requests.filter((request) => request.url.includes('pwned'))).toEqual([]);
  expect(app.pageErrors).toEqual([]);

  // The reader is still the article, not something a refresh or link navigated to.
  await expect(body).toContainText('The harbour bridge reopened');
  await expect(app.readerTitle).toHaveText(title);
  expect(page.url()).toBe(harness.url);
});

test('the article link opens outside the app window and only for web addresses', async ({ app }) => {
  await app.addPastedArticle('Ferry timetable changes\n\nFerries will run every twenty minutes from June.', {
    url: 'https://example.com/ferries?id=1',
  });
  const link = app.readerDetails.url;
  await expect(link).toHaveAttribute('href', 'https://example.com/ferries?id=1');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/u);
});
