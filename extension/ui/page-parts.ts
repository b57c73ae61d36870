/**
 * What the extension's two pages (the popup and the options page) share: finding their
 * elements, showing a line, and opening a link in a new tab. Text from Cuttings or a page
 * (titles, tags, errors) is only ever set as textContent, never parsed as markup.
 */

/** An element the page must have, by id; throws naming it if the HTML lacks it. */
export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`extension: the page has no #${id} of the expected kind`);
  return element;
}

/** Shows a line in an element, or hides it when the line is empty. */
export function showLine(element: HTMLElement, line: string): void {
  element.textContent = line;
  element.hidden = line === '';
}

/**
 * Makes a link open in a tab of its own: from a popup a plain link would open nowhere, and a
 * `cuttings:` link must be handed to the browser, which asks the OS to open the app.
 */
export function opensInTab(link: HTMLAnchorElement): void {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    void chrome.tabs.create({ url: link.href });
  });
}
