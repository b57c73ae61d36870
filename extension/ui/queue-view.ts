/**
 * The clips waiting for Cuttings, as the popup and the options page list them: how many, and
 * for each one the app found already in the library, the three answers the app itself offers
 * (skip, keep both, keep as a new version).
 */
import type { DuplicateAction } from '../../common/api';
import type { ExtensionStatus } from '../shared/messages';

/** The line that counts the queue. */
export function queueLine(status: ExtensionStatus): string {
  const waiting = status.queue.length;
  if (waiting === 0) return 'No clips are waiting for Cuttings.';
  return `${waiting} clip${waiting === 1 ? '' : 's'} waiting for Cuttings: sent as soon as it answers.`;
}

/** Fills `list` with the waiting clips; `decide` is called with the user's answer for a duplicate. */
export function renderQueue(list: HTMLUListElement, status: ExtensionStatus, decide: (id: string, action: DuplicateAction) => void): void {
  list.replaceChildren(
    ...status.queue.map((entry) => {
      const item = document.createElement('li');
      const title = document.createElement('span');
      title.textContent = entry.title;
      item.append(title);
      if (entry.duplicate) {
        const why = document.createElement('span');
        why.className = 'field-note';
        why.textContent = ` — already in Cuttings as “${entry.duplicate.title}” (${entry.duplicate.detail})`;
        item.append(why);
        const choices = document.createElement('div');
        choices.className = 'buttons';
        choices.setAttribute('role', 'group');
        choices.setAttribute('aria-label', `What to do with “${entry.title}”`);
        for (const [action, label] of [['skip', 'Skip'], ['keep', 'Keep both'], ['version', 'Keep as a new version']] as const) {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'button';
          button.textContent = label;
          button.dataset.action = action;
          button.addEventListener('click', () => decide(entry.id, action));
          choices.append(button);
        }
        item.append(choices);
      }
      return item;
    }),
  );
}
