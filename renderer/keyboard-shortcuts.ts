/**
 * The window's keyboard shortcuts, in one place so they cannot fight each other:
 *
 *   ↑/↓, j/k        move the selection in the article list (↑/↓ also from the search box)
 *   PgUp/PgDn, Home/End  move by a page, to the ends
 *   Enter           open the selected article (in the list or the search box)
 *   /               focus the search box
 *   ?               show the search syntax
 *   Escape          close the search syntax help if it is open; else clear the search (in
 *                   the box: clear it, then leave it; in another field: leave the field)
 *   Ctrl/Cmd+N      add an article
 *
 * Letters never fire while the user is typing in a field.
 */
import type { ArticleList } from './article-list';
import { isEditable } from './dom';
import type { SearchBox } from './search-box';

/** What the shortcuts act on. */
export interface ShortcutTargets {
  list: ArticleList;
  listElement: HTMLElement;
  search: SearchBox;
  /** Opens the add dialog. */
  add(): void;
  /** True while a modal dialog has the keyboard. */
  modalOpen(): boolean;
  /** Closes a popover if one is open (Escape then does nothing else); false if none was. */
  dismiss?(): boolean;
  /** Shows the search syntax help. */
  help?(): void;
}

/** Installs the shortcuts on the document. */
export function installShortcuts(targets: ShortcutTargets): void {
  const { list, listElement, search } = targets;
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    if (event.key === 'Escape' && targets.dismiss?.()) {
      event.preventDefault();
      return;
    }
    const command = event.ctrlKey || event.metaKey;
    if (command && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'n') {
      event.preventDefault();
      targets.add();
      return;
    }
    if (targets.modalOpen() || command || event.altKey) return;

    const target = event.target;
    if (target === search.element) {
      handleSearchKey(event, targets);
      return;
    }
    if (event.key === 'Escape') {
      // In another field (a tag being typed), Escape leaves the field; elsewhere it clears the search.
      if (!isEditable(target)) search.clear();
      list.focus();
      return;
    }
    if (isEditable(target)) return;

    const inList = target === document.body || target === listElement || (target instanceof Node && listElement.contains(target));
    switch (event.key) {
      case '/':
        event.preventDefault();
        search.focus();
        return;
      case '?':
        if (!targets.help) return;
        event.preventDefault();
        targets.help();
        return;
      case 'ArrowDown':
      case 'j':
        event.preventDefault();
        list.move(1);
        return;
      case 'ArrowUp':
      case 'k':
        event.preventDefault();
        list.move(-1);
        return;
      case 'PageDown':
      case 'PageUp':
        if (!inList) return;
        event.preventDefault();
        list.page(event.key === 'PageDown' ? 1 : -1);
        return;
      case 'Home':
      case 'End':
        if (!inList) return;
        event.preventDefault();
        list.move(event.key === 'Home' ? -list.length : list.length);
        return;
      case 'Enter':
        // On a button or link, Enter belongs to it.
        if (!inList) return;
        event.preventDefault();
        list.openSelected();
        return;
      default:
    }
  });
}

function handleSearchKey(event: KeyboardEvent, { list, search }: ShortcutTargets): void {
  switch (event.key) {
    case 'ArrowDown':
    case 'ArrowUp':
      event.preventDefault();
      list.move(event.key === 'ArrowDown' ? 1 : -1);
      return;
    case 'Enter':
      event.preventDefault();
      if (list.selectedId === undefined) list.move(1);
      list.openSelected();
      return;
    case 'Escape':
      event.preventDefault();
      if (search.element.value !== '') search.clear();
      else list.focus();
      return;
    default:
  }
}
