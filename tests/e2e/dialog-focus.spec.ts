/**
 * Dialogs hold the keyboard while open and give it back when they close
 * (renderer/dialogs/dialog.ts): Tab from the last control comes round to the first and
 * Shift+Tab from the first to the last; closing returns the focus to what had it, or to the
 * list when that is gone (a tag renamed in the Edit tag dialog is drawn anew in the sidebar).
 */
import { expect, test } from './fixtures';

test('Tab and Shift+Tab stay inside the add dialog, and Escape gives the focus back to the list', async ({ app, harness, page }) => {
  await harness.library.addText({ text: 'Harbour bridge reopens\n\nThe bridge reopened on Monday.' }, 'paste');
  await app.reload();
  await app.list.focus();
  await page.keyboard.press('Control+n');
  await expect(app.addForm.text).toBeFocused();
  // Back from the first control: the last (Add); on from the last: the first (the text box).
  await page.keyboard.press('Shift+Tab');
  await expect(app.addForm.submit).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(app.addForm.text).toBeFocused();
  // Round and round: 30 presses never leave the dialog.
  for (let press = 0; press < 30; press += 1) {
    await page.keyboard.press('Tab');
    expect(await app.addForm.dialog.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(app.addForm.dialog).toBeHidden();
  await expect(app.list).toBeFocused();
});

test('a dialog gives the focus back to the button that opened it, and to the list when that button is gone', async ({ app, harness, page }) => {
  await harness.library.addText({ text: 'Harbour bridge reopens\n\nThe bridge reopened on Monday.', tags: ['harbour'] }, 'paste');
  await app.reload();
  await app.exportButton.focus();
  await page.keyboard.press('Enter');
  await expect(app.exportForm.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(app.exportButton).toBeFocused();

  // The ⋯ button of a tag that is renamed is drawn anew: the list takes the focus.
  await app.sidebar.editTag('harbour').focus();
  await page.keyboard.press('Enter');
  await expect(app.tagForm.rename).toBeVisible();
  await app.tagForm.rename.fill('ports');
  await app.tagForm.renameSubmit.press('Enter');
  await expect(app.tagForm.dialog).toBeHidden();
  await expect(app.list).toBeFocused();
  expect(app.problems()).toEqual([]);
});
