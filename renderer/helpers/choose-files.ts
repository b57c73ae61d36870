/**
 * The system's file chooser, opened from a button: a file input made for the one choice and
 * never put in the page, so the page keeps no hidden control for a screen reader to stumble
 * on. Must be called from the click (the browser opens a chooser only on a user's gesture).
 */
import { el } from './dom';

/**
 * Opens the chooser and resolves with the files chosen (none if it was cancelled).
 *
 * @example const files = await chooseFiles('.html,.htm,.txt');
 */
export function chooseFiles(accept: string): Promise<File[]> {
  const input = el('input', { attrs: { type: 'file', multiple: true, accept } });
  return new Promise((resolve) => {
    input.addEventListener('change', () => resolve([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => resolve([]), { once: true });
    input.click();
  });
}
