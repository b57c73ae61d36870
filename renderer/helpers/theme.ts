/**
 * The theme chosen in Settings, applied to the window: `data-theme` on <html>, which
 * styles/tokens.css turns into the color-scheme that picks every colour ("system" follows
 * prefers-color-scheme; "light" and "dark" override it).
 */
import type { Theme } from '../../common/api';

/** Applies a theme to the document. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}
