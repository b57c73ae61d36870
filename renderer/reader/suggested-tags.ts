/**
 * Suggested tags under the reader's tag editor: the people, places and organisations the
 * open article names (main's suggestTags), each a chip that adds it as a tag with one click.
 * A chip goes once its tag is added. If main cannot suggest (an error), the row stays hidden:
 * suggestions are a help, not something to be told about.
 */
import type { TagSuggestion } from '../../common/api';
import { tagKey } from '../../common/tags';
import { el, replaceChildren } from '../helpers/dom';

/** How many chips are shown before "N more". */
const SHOWN = 8;

const KIND_NAMES: Record<TagSuggestion['kind'], string> = {
  person: 'Person',
  place: 'Place',
  organisation: 'Organisation',
  topic: 'Topic',
};

/** What the row does through its owner. */
export interface SuggestedTagsOptions {
  suggest(id: string): Promise<TagSuggestion[]>;
  /** Adds a tag to the open article. */
  add(tag: string): Promise<void>;
}

/** The row of suggestion chips; one per reader. */
export class SuggestedTags {
  readonly element = el('div', { className: 'suggested-tags', attrs: { id: 'suggested-tags', role: 'group', 'aria-labelledby': 'suggested-tags-label', hidden: true } });
  private readonly chips = el('span', { className: 'suggested-chips' });
  private suggestions: TagSuggestion[] = [];
  private generation = 0;
  /** Whether every suggestion is shown, not just the first few. */
  private expanded = false;

  constructor(private readonly options: SuggestedTagsOptions) {
    this.element.append(el('span', { className: 'suggested-label', attrs: { id: 'suggested-tags-label' } }, 'Suggested'), this.chips);
    this.chips.addEventListener('click', (event) => {
      if ((event.target as Element).closest('.suggested-more')) {
        this.expanded = true;
        this.render();
        this.chips.querySelector<HTMLElement>(`button[data-tag]:nth-of-type(${SHOWN + 1})`)?.focus();
        return;
      }
      const chip = (event.target as Element).closest<HTMLButtonElement>('button[data-tag]');
      if (chip?.dataset.tag) void this.choose(chip);
    });
  }

  /** Asks main for an article's suggestions and shows them. */
  async load(id: string): Promise<void> {
    const mine = ++this.generation;
    this.element.hidden = true;
    this.expanded = false;
    try {
      const suggestions = await this.options.suggest(id);
      if (mine !== this.generation) return;
      this.suggestions = suggestions;
      this.render();
    } catch {
      if (mine === this.generation) this.element.hidden = true;
    }
  }

  /** Drops suggestions the article now has as tags. */
  setTags(tags: readonly string[]): void {
    const have = new Set(tags.map(tagKey));
    this.suggestions = this.suggestions.filter((suggestion) => !have.has(tagKey(suggestion.tag)));
    this.render();
  }

  private async choose(chip: HTMLButtonElement): Promise<void> {
    chip.disabled = true;
    try {
      await this.options.add(chip.dataset.tag ?? '');
    } finally {
      chip.disabled = false;
    }
  }

  private render(): void {
    const shown = this.expanded ? this.suggestions : this.suggestions.slice(0, SHOWN);
    const more = this.suggestions.length - shown.length;
    replaceChildren(
      this.chips,
      ...shown.map((suggestion) =>
        el(
          'button',
          {
            className: `chip suggestion-chip kind-${suggestion.kind}`,
            attrs: { type: 'button', title: `${KIND_NAMES[suggestion.kind]}: add the tag ${suggestion.tag}`, 'aria-label': `Add tag ${suggestion.tag}` },
            dataset: { tag: suggestion.tag },
          },
          '+ ',
          suggestion.tag,
        ),
      ),
      more > 0 ? el('button', { className: 'button link suggested-more', attrs: { type: 'button' } }, `${more} more`) : null,
    );
    this.element.hidden = this.suggestions.length === 0;
  }
}
