/**
 * The Edit tag dialog, opened from a tag's ⋯ button (or a right-click) in the sidebar:
 * rename it, move it under another tag, give it a colour, or delete it. Renaming or moving
 * onto a tag that exists merges the two: the dialog says so, with both counts, and its button
 * says "Merge", before anything is done. Deleting asks first, naming how many articles lose
 * the tag. Every change can be undone (the owner shows the undo toast with main's summary).
 *
 * What a valid tag is stays main's decision: its message is shown in the dialog word for word.
 */
import type { TagChangeSummary } from '../../common/api';
import type { TagCount } from '../../common/article';
import { tagKey } from '../../common/tags';
import { messageOf } from '../helpers/api-client';
import { el, replaceChildren } from '../helpers/dom';
import { plural } from '../helpers/format';
import { movedTag, type TagNode } from '../components/tag-tree';
import { createDialogElement, Dialog } from './dialog';

/** Colours offered with one click (any other through the colour field). */
export const TAG_COLOURS = ['#d64545', '#e07b24', '#d9b01a', '#3f9b4f', '#2a9d9b', '#2f6fd6', '#7a4fd0', '#c2408f', '#7a7a80'];

/** What the dialog does through its owner. */
export interface TagDialogActions {
  /** Every tag with its count, to tell a rename from a merge. */
  tags(): TagCount[];
  rename(from: string, to: string): Promise<TagChangeSummary>;
  remove(tag: string): Promise<TagChangeSummary>;
  setColour(tag: string, colour: string | null): Promise<void>;
  /** A change was made (not a colour): show its summary and offer to undo it. */
  changed(summary: TagChangeSummary): void;
}

/**
 * What renaming `from` to `to` would do, for the note under the field: nothing, change only
 * the case, rename, or merge into a tag that exists (with its count).
 */
export function describeRename(from: string, to: string, tags: readonly TagCount[]): { kind: 'same' | 'case' | 'rename' | 'merge'; note: string } {
  const target = to.trim();
  if (target === '' || target === from) return { kind: 'same', note: '' };
  const fromKey = tagKey(from);
  const toKey = tagKey(target);
  if (toKey === fromKey) return { kind: 'case', note: `Only the case changes: the tag will be shown as “${target}”.` };
  const existing = tags.find((tag) => tagKey(tag.tag) === toKey);
  if (existing) {
    return {
      kind: 'merge',
      note: `“${existing.tag}” already exists (${plural(existing.count, 'article')}): this merges “${from}” into it. You can undo it.`,
    };
  }
  return { kind: 'rename', note: '' };
}

/** The dialog; one per window. */
export class TagDialog extends Dialog {
  private node: TagNode | null = null;
  private readonly heading = el('h2', { attrs: { id: 'tag-dialog-heading' } });
  private readonly counts = el('p', { className: 'field-note', attrs: { id: 'tag-dialog-counts' } });
  private readonly renameInput = el('input', { attrs: { id: 'tag-rename', type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'tag-rename-note' } });
  private readonly renameNote = el('p', { className: 'field-note tag-merge-note', attrs: { id: 'tag-rename-note', 'aria-live': 'polite' } });
  private readonly renameButton = el('button', { className: 'button primary', attrs: { id: 'tag-rename-submit', type: 'submit' } }, 'Rename');
  private readonly moveInput = el('input', { attrs: { id: 'tag-move', type: 'text', list: 'tag-move-options', placeholder: 'Top level', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'tag-move-note' } });
  private readonly moveOptions = el('datalist', { attrs: { id: 'tag-move-options' } });
  private readonly moveNote = el('p', { className: 'field-note tag-merge-note', attrs: { id: 'tag-move-note', 'aria-live': 'polite' } });
  private readonly moveButton = el('button', { className: 'button', attrs: { id: 'tag-move-submit', type: 'button' } }, 'Move');
  private readonly colourInput = el('input', { attrs: { id: 'tag-colour', type: 'color', 'aria-label': 'Another colour' } });
  private readonly swatches = el('div', { className: 'tag-colour-swatches', attrs: { role: 'group', 'aria-label': 'Colours' } });
  private readonly deleteButton = el('button', { className: 'button danger', attrs: { id: 'tag-delete', type: 'button' } }, 'Delete…');
  private readonly deleteConfirm = el('div', { className: 'tag-delete-confirm', attrs: { id: 'tag-delete-confirm', role: 'alertdialog', 'aria-labelledby': 'tag-delete-question', hidden: true } });
  private readonly error = el('p', { className: 'form-error', attrs: { id: 'tag-dialog-error', role: 'alert', hidden: true } });

  constructor(private readonly actions: TagDialogActions) {
    super(createDialogElement('tag-dialog', 'tag-dialog', 'tag-dialog-heading'));
    const close = el('button', { className: 'button', attrs: { id: 'tag-dialog-close', type: 'button' } }, 'Close');
    for (const colour of TAG_COLOURS) {
      const swatch = el('button', { className: 'tag-colour-swatch', attrs: { type: 'button', 'aria-label': `Colour ${colour}`, title: colour }, dataset: { colour } });
      swatch.style.setProperty('--swatch', colour);
      this.swatches.append(swatch);
    }
    const noColour = el('button', { className: 'button small', attrs: { id: 'tag-colour-clear', type: 'button' } }, 'No colour');
    const form = el(
      'form',
      { className: 'dialog-form', attrs: { id: 'tag-dialog-form', novalidate: true } },
      this.heading,
      this.counts,
      el('label', { className: 'field-label', attrs: { for: 'tag-rename' } }, 'Rename'),
      el('div', { className: 'settings-row' }, this.renameInput, this.renameButton),
      this.renameNote,
      el('label', { className: 'field-label', attrs: { for: 'tag-move' } }, 'Move under'),
      el('div', { className: 'settings-row' }, this.moveInput, this.moveOptions, this.moveButton),
      this.moveNote,
      el('span', { className: 'field-label' }, 'Colour'),
      el('div', { className: 'settings-row tag-colour-row' }, this.swatches, this.colourInput, noColour),
      el('div', { className: 'settings-row tag-delete-row' }, this.deleteButton),
      this.deleteConfirm,
      this.error,
      el('div', { className: 'dialog-buttons' }, close),
    );
    this.dialog.append(form);

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.rename(this.renameInput.value);
    });
    this.renameInput.addEventListener('input', () => this.describe());
    this.moveInput.addEventListener('input', () => this.describe());
    this.moveInput.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      this.moveButton.click();
    });
    this.moveButton.addEventListener('click', () => {
      const target = this.node ? movedTag(this.node.path, this.moveInput.value) : null;
      if (target) void this.rename(target);
      else this.showError(`tags: “${this.node?.path ?? ''}” is already there; choose another tag to move it under.`);
    });
    this.swatches.addEventListener('click', (event) => {
      const swatch = (event.target as Element).closest<HTMLElement>('[data-colour]');
      if (swatch?.dataset.colour) void this.colour(swatch.dataset.colour);
    });
    this.colourInput.addEventListener('change', () => void this.colour(this.colourInput.value));
    noColour.addEventListener('click', () => void this.colour(null));
    this.deleteButton.addEventListener('click', () => this.askDelete());
    close.addEventListener('click', () => this.close());
  }

  /** Opens the dialog on a tag of the tree. */
  open(node: TagNode): void {
    this.node = node;
    const below = countBelow(node);
    this.heading.textContent = `Tag “${node.path}”`;
    this.counts.textContent =
      below > 0
        ? `${plural(node.total, 'article')}, with ${plural(below, 'tag')} under it that change with it.`
        : plural(node.total, 'article');
    this.renameInput.value = node.path;
    const parent = node.path.includes('/') ? node.path.slice(0, node.path.lastIndexOf('/')) : '';
    this.moveInput.value = parent;
    replaceChildren(
      this.moveOptions,
      ...this.actions
        .tags()
        .filter((tag) => movedTag(node.path, tag.tag) !== null)
        .map((tag) => el('option', { attrs: { value: tag.tag } })),
    );
    this.colourInput.value = node.colour ?? '#2f6fd6';
    for (const swatch of this.swatches.querySelectorAll<HTMLElement>('[data-colour]')) {
      swatch.setAttribute('aria-pressed', String(swatch.dataset.colour === node.colour));
    }
    this.deleteConfirm.hidden = true;
    this.showError('');
    this.describe();
    this.showModal();
    this.renameInput.focus();
    this.renameInput.select();
  }

  /** Opens the dialog with the tag to be moved under `parent` (a drag that would merge): the note says so first. */
  openMove(node: TagNode, parent: string): void {
    this.open(node);
    this.moveInput.value = parent;
    this.describe();
    this.moveButton.focus();
  }

  /** Says under each field whether it renames or merges, and labels the buttons to match. */
  private describe(): void {
    const node = this.node;
    if (!node) return;
    const tags = this.actions.tags();
    const rename = describeRename(node.path, this.renameInput.value, tags);
    this.renameNote.textContent = rename.note;
    this.renameNote.hidden = rename.note === '';
    this.renameNote.classList.toggle('merge', rename.kind === 'merge');
    this.renameButton.textContent = rename.kind === 'merge' ? 'Merge' : 'Rename';
    this.renameButton.disabled = rename.kind === 'same';
    const target = movedTag(node.path, this.moveInput.value);
    const move = target === null ? { kind: 'same', note: '' } : describeRename(node.path, target, tags);
    this.moveNote.textContent = target === null ? '' : move.kind === 'merge' ? move.note : `It becomes “${target}”.`;
    this.moveNote.hidden = this.moveNote.textContent === '';
    this.moveNote.classList.toggle('merge', move.kind === 'merge');
    this.moveButton.textContent = move.kind === 'merge' ? 'Move and merge' : 'Move';
    this.moveButton.disabled = target === null;
  }

  private async rename(to: string): Promise<void> {
    const node = this.node;
    if (!node || this.busy) return;
    await this.run(() => this.actions.rename(node.path, to));
  }

  private askDelete(): void {
    const node = this.node;
    if (!node) return;
    const below = countBelow(node);
    const question = el(
      'p',
      { attrs: { id: 'tag-delete-question' } },
      `Remove “${node.path}”${below > 0 ? ` and the ${plural(below, 'tag')} under it` : ''} from ${plural(node.total, 'article')}? You can undo it.`,
    );
    const confirm = el('button', { className: 'button danger primary', attrs: { id: 'tag-delete-confirm-button', type: 'button' } }, 'Delete tag');
    const keep = el('button', { className: 'button', attrs: { type: 'button' } }, 'Keep it');
    confirm.addEventListener('click', () => void this.run(() => this.actions.remove(node.path)));
    keep.addEventListener('click', () => {
      this.deleteConfirm.hidden = true;
      this.deleteButton.focus();
    });
    replaceChildren(this.deleteConfirm, question, el('div', { className: 'dialog-buttons' }, keep, confirm));
    this.deleteConfirm.hidden = false;
    keep.focus();
  }

  private async run(change: () => Promise<TagChangeSummary>): Promise<void> {
    this.busy = true;
    this.showError('');
    try {
      const summary = await change();
      this.close();
      this.actions.changed(summary);
    } catch (error) {
      this.showError(messageOf(error));
    } finally {
      this.busy = false;
    }
  }

  private async colour(colour: string | null): Promise<void> {
    const node = this.node;
    if (!node) return;
    this.showError('');
    try {
      await this.actions.setColour(node.path, colour);
      node.colour = colour ?? undefined;
      for (const swatch of this.swatches.querySelectorAll<HTMLElement>('[data-colour]')) {
        swatch.setAttribute('aria-pressed', String(swatch.dataset.colour === colour));
      }
    } catch (error) {
      this.showError(messageOf(error));
    }
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
  }
}

function countBelow(node: TagNode): number {
  return node.children.reduce((sum, child) => sum + 1 + countBelow(child), 0);
}
