/**
 * Which tabs the extension can clip, told from the tab's address before anything is read:
 * web pages (http, https) only. Each other kind gets one line saying why and what to do
 * instead — the browser's own pages cannot be read by any extension, and a file open in the
 * browser is better added in the app itself, which reads it from the disk.
 */

/** The line to show for a tab that cannot be clipped, or null for a web page. */
export function refusalForAddress(url: string | undefined): string | null {
  if (!url) return 'Cuttings cannot see this tab’s address (the browser keeps it from extensions); nothing was saved.';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `Cuttings cannot read the address ${url.slice(0, 100)}; nothing was saved.`;
  }
  switch (parsed.protocol) {
    case 'http:':
    case 'https:':
      return null;
    case 'file:':
      return 'This is a file on your computer (file://): add it in Cuttings with Add, or drop it on its window. Nothing was saved.';
    case 'chrome:':
    case 'edge:':
    case 'brave:':
    case 'opera:':
    case 'vivaldi:':
    case 'about:':
    case 'chrome-extension:':
    case 'moz-extension:':
    case 'view-source:':
    case 'devtools:':
      return `This is one of the browser’s own pages (${parsed.protocol}); Cuttings clips web pages only. Nothing was saved.`;
    default:
      return `Cuttings clips web pages (http, https), not ${parsed.protocol} addresses. Nothing was saved.`;
  }
}
