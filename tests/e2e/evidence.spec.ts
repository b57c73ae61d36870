/**
 * Evidence in the window: Settings shows the signing key and chooses the TSA; the status bar
 * counts captures waiting for a timestamp while the TSA is away, and Send now clears them once
 * it is back; the reader writes the evidence report and its bundle and says whether it holds;
 * Delete asks first, and the custody log keeps the deletion.
 */
import { access, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readCustodyLines } from '../../main/core/evidence/custody-log';
import { startTestTsa, type TestTsa } from '../test-tsa';
import { expect, test } from './fixtures';

let tsa: TestTsa;
test.beforeAll(async () => {
  tsa = await startTestTsa();
});
test.afterAll(async () => {
  await tsa.close();
});

test('a capture waits for its timestamp while the TSA is away, and its report is verified once it has one', async ({ app, harness }, testInfo) => {
  // Writing the report takes a few seconds on a loaded machine, with the TSA's round trips before it.
  test.setTimeout(90_000);
  await app.openSettings();
  await expect(app.evidenceSettings.signingKey).toHaveText(/^SHA256:([0-9a-f]{4} ){15}[0-9a-f]{4}$/u);
  await app.evidenceSettings.rootFile.setInputFiles({ name: 'ca.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(tsa.caPem) });
  await expect(app.page.locator('.evidence-roots li')).toHaveText('CN=Cuttings Test Root CA, O=Cuttings tests');
  await tsa.stop();
  try {
    await app.evidenceSettings.tsa.selectOption('other');
    await app.evidenceSettings.otherUrl.fill(tsa.url);
    await app.evidenceSettings.useOther.click();
    await expect(app.evidenceSettings.waiting).toHaveText('0 captures waiting for a timestamp.');
    await app.settingsForm.close.click();

    await app.addPastedArticle('Harbour works\n\nThe council approved the harbour works on Tuesday.');
    await app.waitForReader('Harbour works');
    await expect(app.statusTimestamps).toHaveText('1 capture waiting for a timestamp');
    await tsa.start();
    await app.openSettings();
    await expect(app.evidenceSettings.waiting).toContainText('1 capture waiting for a timestamp.');
    await app.evidenceSettings.sendNow.click();
    await expect(app.evidenceSettings.waiting).toHaveText('0 captures waiting for a timestamp.');
    await app.settingsForm.close.click();
    await expect(app.statusTimestamps).toBeHidden();
  } finally {
    await tsa.start();
  }

  const report = testInfo.outputPath('report.pdf');
  const bundle = testInfo.outputPath('bundle');
  await app.evidenceForm.open.click();
  await app.evidenceForm.reportPath.fill(report);
  await app.evidenceForm.bundlePath.fill(bundle);
  await app.evidenceForm.write.click();
  await expect(app.evidenceForm.verdict).toHaveAttribute('data-level', 'verified', { timeout: 20_000 });
  await expect(app.evidenceForm.result).toContainText(`Written to ${report}, with the bundle in ${bundle}.`);
  expect((await readFile(report)).subarray(0, 5).toString()).toBe('%PDF-');
  expect((await readdir(bundle)).sort()).toEqual(expect.arrayContaining(['README.txt', 'SHA256SUMS', 'manifest.json', 'manifest.sig', 'signing-key.pem', 'timestamp.tsr', 'tsa-root.pem']));
  // A folder that is not empty is refused, in main's words.
  await app.evidenceForm.write.click();
  await expect(app.evidenceForm.error).toHaveText(`evidence: ${bundle} is not empty; give a new or empty folder for the bundle`);
  await app.evidenceForm.close.click();
  expect(harness.library.list()).toHaveLength(1);
  expect(app.problems()).toEqual([]);
});

test('deleting asks first, and the custody log keeps the deletion with its reason', async ({ app, harness }) => {
  await app.addPastedArticle('Ferry timetable\n\nThe winter ferry timetable starts on Monday.');
  await app.waitForReader('Ferry timetable');
  const id = harness.library.list()[0]!.id;
  await app.deleteForm.open.click();
  await expect(app.deleteForm.question).toHaveText('Delete “Ferry timetable”?');
  await app.deleteForm.cancel.click();
  await expect(app.rows).toHaveCount(1);
  await app.deleteForm.open.click();
  await app.deleteForm.reason.fill('published in error');
  await app.deleteForm.confirm.click();
  await expect(app.rows).toHaveCount(0);
  await expect(app.statusMessage).toHaveText('Deleted “Ferry timetable”; the custody log keeps its hashes');
  await expect(app.readerTitle).toBeHidden();
  const entries = [];
  for await (const { entry } of readCustodyLines(harness.library.path)) entries.push(entry);
  expect(entries.map((entry) => entry?.event)).toEqual(['captured', 'deleted']);
  expect(entries[1]).toMatchObject({ detail: 'published in error', items: [{ article: id }] });
  await expect(access(join(harness.library.path, 'articles', id.slice(-2), `${id}.capture`))).rejects.toThrow();
  expect(app.problems()).toEqual([]);
});
