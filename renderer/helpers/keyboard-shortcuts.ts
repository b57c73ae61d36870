/**
 * The window's keyboard shortcuts, in one place so they cannot fight each other:
 *
 *   ↑/↓, j/k        move the selection in the article list (↑/↓ also from the search box)
 *   Shift+↑/↓, J/K  select a range of rows as it moves (Shift+Home/End: to the ends)
 *   Ctrl/Cmd+A      select every result (in the list)
 *   PgUp/PgDn, Home/End  move by a page, to the ends
 *   Enter           open the selected article (in the list or the search box)
 *   /               focus the search box
 *   t               tag the open (or selected) article: focus the reader's tag field
 *   h               highlight the words selected in the reader
 *   e               edit the details (title, date, author, source) of the open (or selected) article
 *   ?               show the search syntax
 *   Escape          close the search syntax help if it is open; else with many rows
 *                   selected keep only the current one; else clear the search (in the box:
 *                   clear it, then leave it; in another field: leave the field)
 *   Ctrl/Cmd+N      add an article
 *   Ctrl/Cmd+Z      undo the latest tag rename, merge, move or delete (not in a text field)
 *
 * Letters never fire while the user is typing in a field.
 */
import type { ArticleList } from '../components/article-list';
import { isEditable } from './dom';
import type { SearchBox } from '../components/search-box';

/** What the shortcuts act on. */
export interface ShortcutTargets {
  list: ArticleList;
  search: SearchBox;
  /** Opens the add dialog. */
  add(): void;
  /** True while a modal dialog has the keyboard. */
  modalOpen(): boolean;
  /** Closes a popover if one is open (Escape then does nothing else); false if none was. */
  dismiss?(): boolean;
  /** Shows the search syntax help. */
  help?(): void;
  /** Focuses the reader's tag field (opening the selected article first if need be). */
  tag?(): void;
  /** Highlights the words selected in the reader. */
  highlight?(): void;
  /** Opens the details dialog for the open article (opening the selected article first if need be). */
  details?(): void;
  /** Undoes the latest tag change. */
  undo?(): void;
}

/** Installs the shortcuts on the document. */
export function installShortcuts(targets: ShortcutTargets): void {
  const { list, search } = targets;
  const listElement = list.element;
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
    if (targets.modalOpen() || event.altKey) return;
    const target = event.target;
    if (command && !event.shiftKey && event.key.toLowerCase() === 'z' && targets.undo && !isEditable(target)) {
      event.preventDefault();
      targets.undo();
      return;
    }
    if (command && !event.shiftKey && event.key.toLowerCase() === 'a' && (target === listElement || (target instanceof Node && listElement.contains(target)))) {
      event.preventDefault();
      list.selectAll();
      return;
    }
    if (command) return;

    if (target === search.element) {
      handleSearchKey(event, targets);
      return;
    }
    if (event.key === 'Escape') {
      if (!isEditable(target) && (list.selectionSize > 1 || list.allSelected)) {
        list.clearSelection();
        return;
      }
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
      case 't':
        if (!targets.tag) return;
        event.preventDefault();
        targets.tag();
        return;
      case 'h':
        if (!targets.highlight) return;
        event.preventDefault();
        targets.highlight();
        return;
      case 'e':
        if (!targets.details) return;
        event.preventDefault();
        targets.details();
        return;
      case 'ArrowDown':
      case 'j':
      case 'J':
        event.preventDefault();
        list.move(1, event.shiftKey);
        return;
      case 'ArrowUp':
      case 'k':
      case 'K':
        event.preventDefault();
        list.move(-1, event.shiftKey);
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
        list.move(event.key === 'Home' ? -list.length : list.length, event.shiftKey);
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
