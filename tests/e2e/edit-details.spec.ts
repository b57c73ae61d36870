/**
 * Edit details… in the reader: the title, date, author and source of a cutting, changed after
 * capture. A bad date is said under its field and nothing is saved; saved, the list's row and
 * the reader show the new details at once, and main has stored them.
 */
import { CHANNELS } from '../../common/api';
import { textImage } from '../main/core/ocr/text-image';
import { expect, test } from './fixtures';

const TEXT = 'The council met on Tuesday to discuss the harbour budget.\n\nNo decision was taken.';

test('edits a title and a date: the list row and the reader show them without listing again', async ({ app, harness }) => {
  const article = await harness.library.addText({ text: TEXT, title: 'Zebrafish report', source: 'Harbour Gazette', published: '2020-01-05' }, 'paste');
  await app.reload();
  await app.openArticle('Zebrafish report');
  const form = app.detailsForm;

  await form.open.click();
  await expect(form.dialog).toBeVisible();
  await expect(form.title).toHaveValue('Zebrafish report');
  await expect(form.published).toHaveValue('2020-01-05');
  await expect(form.source).toHaveValue('Harbour Gazette');
  await expect(form.author).toHaveValue('');
  await expect(form.title).toBeFocused();

  // A day that does not exist: said under the field, in main's words, and nothing is sent.
  await form.title.fill('Quokka census');
  await form.published.fill('2019-02-30');
  await form.save.click();
  await expect(form.fieldError('published')).toHaveText('details: published date "2019-02-30" is not a date (YYYY-MM-DD, or a full ISO 8601 time such as 2024-03-05T09:30:00Z)');
  await expect(form.published).toHaveAttribute('aria-invalid', 'true');
  await expect(form.published).toBeFocused();
  expect(harness.library.record(article.id)).toMatchObject({ title: 'Zebrafish report', published: '2020-01-05' });

  // Typing clears the message; saved, the dialog closes and the window follows.
  await form.published.fill('2019-04-02');
  await expect(form.fieldError('published')).toBeHidden();
  await form.author.fill('B. Reporter');
  await form.save.click();
  await expect(form.dialog).toBeHidden();
  await expect(form.open).toBeFocused();

  await expect(app.row('Quokka census')).toBeVisible();
  await expect(app.row('Zebrafish report')).toHaveCount(0);
  await expect(app.row('Quokka census').locator('.row-date')).toHaveAttribute('datetime', '2019-04-02');
  await expect(app.readerTitle).toHaveText('Quokka census');
  await expect(form.readerMeta.locator('time[datetime="2019-04-02"]')).toBeVisible();
  await expect(form.readerMeta).toContainText('B. Reporter');
  expect(harness.library.record(article.id)).toMatchObject({ title: 'Quokka census', published: '2019-04-02', author: 'B. Reporter', source: 'Harbour Gazette' });

  // Opened again, it shows what was saved; Escape leaves without saving anything.
  await form.open.click();
  await expect(form.title).toHaveValue('Quokka census');
  await form.title.fill('Something else');
  await form.title.press('Escape');
  await expect(form.dialog).toBeHidden();
  await expect(app.readerTitle).toHaveText('Quokka census');
  expect(harness.library.record(article.id).title).toBe('Quokka census');
});

test('an empty title is refused under its field and Cancel keeps what was there', async ({ app, harness }) => {
  await harness.library.addText({ text: TEXT, title: 'Zebrafish report' }, 'paste');
  await app.reload();
  await app.openArticle('Zebrafish report');
  const form = app.detailsForm;
  await form.open.click();
  await form.title.fill('   ');
  await form.save.click();
  await expect(form.fieldError('title')).toHaveText('details: the title cannot be empty');
  await expect(form.title).toHaveAttribute('aria-invalid', 'true');
  await form.cancel.click();
  await expect(form.dialog).toBeHidden();
  await expect(app.readerTitle).toHaveText('Zebrafish report');
});

test('while main saves, the dialog is busy and Escape does not close it; main’s refusal is shown as is and the dialog stays', async ({ app, harness, page }) => {
  const article = await harness.library.addText({ text: TEXT, title: 'Zebrafish report' }, 'paste');
  await app.reload();
  await app.openArticle('Zebrafish report');
  const form = app.detailsForm;

  // The test stands between the page and the harness: the first save waits for its word, the second is refused.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let saves = 0;
  await page.route(
    (url) => url.pathname === `/api/${encodeURIComponent(CHANNELS.editDetails)}`,
    async (route) => {
      saves++;
      if (saves === 1) {
        await held;
        await route.continue();
      } else {
        await route.fulfill({ json: { ok: false, error: { code: 'library', message: 'library: /somewhere is open read-only' } } });
      }
    },
  );
  await form.open.click();
  await form.title.fill('Quokka census');
  await form.save.click();
  await expect(form.save).toBeDisabled();
  await expect(form.save).toHaveText('Saving…');
  await page.keyboard.press('Escape');
  await expect(form.dialog).toBeVisible();
  release();
  await expect(form.dialog).toBeHidden();
  await expect(app.readerTitle).toHaveText('Quokka census');

  await form.open.click();
  await form.title.fill('Walrus weekly');
  await form.save.click();
  await expect(form.error).toHaveText('library: /somewhere is open read-only');
  await expect(form.dialog).toBeVisible();
  await expect(form.title).toHaveValue('Walrus weekly');
  await expect(form.save).toBeEnabled();
  expect(saves).toBe(2);
  expect(harness.library.record(article.id).title).toBe('Quokka census');
});

test('a scan’s guessed headline and date, confirmed as they are, are no longer to be checked', async ({ app, harness, page }) => {
  // The real OCR worker recognises the scan: up to a minute on two loaded cores.
  test.setTimeout(120_000);
  const image = await textImage('Ferry service saved\n\nThe council voted on 10 November 1989 to keep the ferry running to the island.', { format: 'png' });
  await app.openAddDialog();
  const chooser = page.waitForEvent('filechooser');
  await app.addForm.chooseFiles.click();
  await (await chooser).setFiles({ name: 'ferry.png', mimeType: 'image/png', buffer: image });
  await app.addForm.submit.click();
  await expect(app.readerTitle).toHaveText('Ferry service saved', { timeout: 90_000 });
  await expect(app.scans.guessed).toHaveText('Guessed from the text, to be checked against the scan: the headline “Ferry service saved” and the date 1989-11-10 (Edit details… confirms them).');

  const form = app.detailsForm;
  await form.open.click();
  await expect(form.note('title')).toHaveText("Guessed from the scan's text: check the headline against the scan.");
  await expect(form.note('published')).toHaveText("Guessed from the scan's text: check the date against the scan.");
  await expect(form.save).toHaveText('Confirm');
  // Changing a field makes it a save; the guess is offered back.
  await form.title.fill('Island ferry saved');
  await expect(form.save).toHaveText('Save');
  await form.useGuess('title').click();
  await expect(form.title).toHaveValue('Ferry service saved');
  await expect(form.save).toHaveText('Confirm');
  await form.save.click();
  await expect(form.dialog).toBeHidden();
  await expect(app.scans.guessed).toBeHidden();

  const id = harness.library.list()[0]!.id;
  expect(harness.library.record(id)).toMatchObject({ title: 'Ferry service saved', published: '1989-11-10', edited: expect.any(String) });
  // And so it stays when the cutting is opened again.
  await app.reload();
  await app.openArticle('Ferry service saved');
  await expect(app.scans.images).toHaveCount(1);
  await expect(app.scans.guessed).toBeHidden();
  await form.open.click();
  await expect(form.note('title')).toBeHidden();
  await expect(form.save).toHaveText('Save');
  await form.cancel.click();

  // A correction of the text is a new version: the details confirmed are its own too.
  await app.scans.correctButton.click();
  const text = await app.scans.correctText.inputValue();
  await app.scans.correctText.fill(text.replace('island', 'islands'));
  await app.scans.saveCorrection.click();
  await expect(app.scans.summary).toContainText('text corrected by hand');
  await expect(app.scans.guessed).toBeHidden();
  const corrected = harness.library.list().find((summary) => summary.id !== id)!;
  expect(corrected).toMatchObject({ title: 'Ferry service saved', published: '1989-11-10', edited: expect.any(String) });
});

test('e and the menu’s Edit Details… open the dialog for the selected or open cutting', async ({ app, harness, page }) => {
  await harness.library.addText({ text: TEXT, title: 'Harbour budget talks', source: 'Harbour Gazette' }, 'paste');
  await app.reload();
  const form = app.detailsForm;

  // Nothing selected: e says what it needs rather than doing nothing.
  await app.list.focus();
  await page.keyboard.press('e');
  await expect(app.statusMessage).toHaveText('Select a cutting to edit its details');
  await expect(form.dialog).toBeHidden();

  // e on a selected row opens the cutting and its details.
  await page.keyboard.press('j');
  await page.keyboard.press('e');
  await expect(form.dialog).toBeVisible();
  await expect(form.title).toHaveValue('Harbour budget talks');
  await expect(app.readerTitle).toHaveText('Harbour budget talks');
  await page.keyboard.press('Escape');
  await expect(form.dialog).toBeHidden();

  // The menu item sends edit-details; the dialog opens for the cutting in the reader.
  await app.sendAppEvent({ type: 'edit-details' });
  await expect(form.dialog).toBeVisible();
  await expect(form.source).toHaveValue('Harbour Gazette');
});
