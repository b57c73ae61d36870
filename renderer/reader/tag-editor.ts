/**
 * The tag editor in the reader: the article's tags as chips with remove buttons, and a field
 * that adds tags on Enter or comma, suggesting the library's existing tags as the user types
 * (a small listbox, so that suggestions work the same in Electron and in every browser).
 * What counts as a valid tag is main's decision: the typed text is sent as is, and main's
 * error message is shown under the field, word for word.
 */
import { tagKey } from '../../common/tags';
import { messageOf } from '../helpers/api-client';
import { el, replaceChildren } from '../helpers/dom';

/** The most suggestions shown at once. */
const MAX_SUGGESTIONS = 8;

/** A change to one article's tags. */
export interface TagChange {
  add?: string[];
  remove?: string[];
}

/** What the editor needs from its owner. */
export interface TagEditorOptions {
  /** Every tag in the library, for suggestions. */
  knownTags(): string[];
  /** Stores a change; resolves to the article's tags after it, or throws with main's message. */
  save(change: TagChange): Promise<string[]>;
}

let nextEditorId = 0;

/** The chips, the field and its suggestions for one article at a time. */
export class TagEditor {
  private tags: string[] = [];
  private suggestions: string[] = [];
  private active = -1;
  private readonly chips = el('ul', { className: 'tag-chips', attrs: { 'aria-label': 'Tags' } });
  private readonly input: HTMLInputElement;
  private readonly listbox: HTMLUListElement;
  private readonly error = el('p', { className: 'tag-error', attrs: { role: 'alert', hidden: true } });
  private readonly listboxId = `tag-suggestions-${nextEditorId++}`;

  constructor(
    root: HTMLElement,
    private readonly options: TagEditorOptions,
  ) {
    this.input = el('input', {
      className: 'tag-input',
      attrs: {
        type: 'text',
        placeholder: 'Add a tag…',
        'aria-label': 'Add a tag',
        role: 'combobox',
        'aria-autocomplete': 'list',
        'aria-expanded': 'false',
        'aria-controls': this.listboxId,
        autocomplete: 'off',
        spellcheck: 'false',
      },
    });
    this.listbox = el('ul', {
      className: 'tag-suggestions',
      attrs: { id: this.listboxId, role: 'listbox', 'aria-label': 'Existing tags', hidden: true },
    });
    root.classList.add('tag-editor');
    replaceChildren(
      root,
      this.chips,
      el('div', { className: 'tag-field' }, this.input, this.listbox),
      this.error,
    );

    this.input.addEventListener('input', () => this.onInput());
    this.input.addEventListener('keydown', (event) => this.onKeyDown(event));
    // Close the suggestions when focus has really left (not when a suggestion is clicked).
    this.input.addEventListener('blur', () =>
      window.setTimeout(() => {
        if (document.activeElement !== this.input) this.closeSuggestions();
      }, 100),
    );
    // Keep focus in the field while a suggestion is clicked.
    this.listbox.addEventListener('mousedown', (event) => event.preventDefault());
    this.listbox.addEventListener('click', (event) => {
      const option = (event.target as Element).closest<HTMLElement>('[role=option]');
      if (option?.dataset.tag) void this.add([option.dataset.tag]);
    });
    this.chips.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-tag]');
      if (button?.dataset.tag) void this.remove(button.dataset.tag);
    });
  }

  /** Shows an article's tags and resets the field. */
  setTags(tags: string[]): void {
    this.tags = [...tags];
    this.input.value = '';
    this.showError('');
    this.closeSuggestions();
    this.renderChips();
  }

  /** Puts the cursor in the field. */
  focus(): void {
    this.input.focus();
  }

  private async add(raw: string[]): Promise<void> {
    if (raw.length === 0) return;
    this.closeSuggestions();
    await this.apply({ add: raw }, () => {
      this.input.value = '';
    });
  }

  private async remove(tag: string): Promise<void> {
    await this.apply({ remove: [tag] }, () => this.input.focus());
  }

  private async apply(change: TagChange, done: () => void): Promise<void> {
    this.showError('');
    // Read-only rather than disabled while saving: disabling would take the focus away.
    this.input.readOnly = true;
    this.input.setAttribute('aria-busy', 'true');
    try {
      this.tags = await this.options.save(change);
      this.renderChips();
      done();
    } catch (error) {
      // Nothing changed: main refused the whole change. Keep what was typed, to fix it.
      this.showError(messageOf(error));
    } finally {
      this.input.readOnly = false;
      this.input.removeAttribute('aria-busy');
      this.input.focus();
    }
  }

  private onInput(): void {
    this.showError('');
    const value = this.input.value;
    if (value.includes(',')) {
      // A comma ends a tag, whether typed or pasted; what follows the last one stays in the field.
      const parts = value.split(',');
      const rest = parts.pop() ?? '';
      const complete = parts.filter((part) => part !== '');
      this.input.value = rest;
      void this.add(complete);
      return;
    }
    this.updateSuggestions();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (this.input.readOnly) {
      // A change is being saved; a second Enter must not send it again.
      if (event.key === 'Enter') event.preventDefault();
      return;
    }
    const open = !this.listbox.hidden;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!open) this.updateSuggestions();
        if (this.suggestions.length === 0) return;
        event.preventDefault();
        this.setActive(
          event.key === 'ArrowDown'
            ? (this.active + 1) % this.suggestions.length
            : (this.active - 1 + this.suggestions.length) % this.suggestions.length,
        );
        return;
      case 'Enter': {
        event.preventDefault();
        const chosen = open ? this.suggestions[this.active] : undefined;
        if (chosen !== undefined) void this.add([chosen]);
        else if (this.input.value !== '') void this.add([this.input.value]);
        return;
      }
      case 'Escape':
        if (open) {
          // Close the suggestions only; the window's Escape (clear search) must not fire too.
          event.preventDefault();
          event.stopPropagation();
          this.closeSuggestions();
        }
        return;
      default:
    }
  }

  /** Tags that start with what was typed come first, then tags with a word or level that does. */
  private updateSuggestions(): void {
    const typed = tagKey(this.input.value.trim());
    if (typed === '') {
      this.closeSuggestions();
      return;
    }
    const have = new Set(this.tags.map(tagKey));
    const candidates = this.options.knownTags().filter((tag) => !have.has(tagKey(tag)));
    const starts = candidates.filter((tag) => tagKey(tag).startsWith(typed));
    const inside = candidates.filter(
      (tag) => !tagKey(tag).startsWith(typed) && tagKey(tag).split(/[\s/]+/u).some((word) => word.startsWith(typed)),
    );
    this.suggestions = [...starts, ...inside].slice(0, MAX_SUGGESTIONS);
    this.active = -1;
    replaceChildren(
      this.listbox,
      ...this.suggestions.map((tag, index) =>
        el(
          'li',
          {
            className: 'tag-suggestion',
            attrs: { id: `${this.listboxId}-${index}`, role: 'option', 'aria-selected': 'false' },
            dataset: { tag },
          },
          tag,
        ),
      ),
    );
    const open = this.suggestions.length > 0;
    this.listbox.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    this.input.removeAttribute('aria-activedescendant');
  }

  private setActive(index: number): void {
    this.active = index;
    this.listbox.querySelectorAll('[role=option]').forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === index));
    });
    this.input.setAttribute('aria-activedescendant', `${this.listboxId}-${index}`);
  }

  private closeSuggestions(): void {
    this.suggestions = [];
    this.active = -1;
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
    if (message) this.input.setAttribute('aria-invalid', 'true');
    else this.input.removeAttribute('aria-invalid');
  }

  private renderChips(): void {
    replaceChildren(
      this.chips,
      ...this.tags.map((tag) =>
        el(
          'li',
          { className: 'chip', dataset: { tag } },
          el('span', { className: 'chip-label' }, tag),
          el(
            'button',
            {
              className: 'chip-remove',
              attrs: { type: 'button', 'aria-label': `Remove tag ${tag}`, title: `Remove tag ${tag}` },
              dataset: { tag },
            },
            '×',
          ),
        ),
      ),
    );
  }
}
