/**
 * The Tag rules dialog: "when an article matches this query, add these tags". It lists the
 * rules, adds one (a query that does not parse is refused by main, and its message is shown
 * under the query field), removes one, and applies them to the whole archive. Applying always
 * runs a dry run first: how many articles would change and the list of them with the tags
 * each gains; only then does "Apply to N articles" change anything.
 */
import type { RulesRunSummary, TagRule } from '../../common/api';
import { call, messageOf } from '../helpers/api-client';
import { el, replaceChildren } from '../helpers/dom';
import { plural } from '../helpers/format';
import { splitTags } from '../helpers/split-tags';
import { createDialogElement, Dialog } from './dialog';

/** What the dialog tells its owner. */
export interface RulesDialogEvents {
  /** Rules were applied: the tags on the archive changed. */
  applied(summary: RulesRunSummary): void;
}

/** The dialog; one per window. */
export class RulesDialog extends Dialog {
  private readonly list = el('ol', { className: 'rules-list', attrs: { id: 'rules-list', 'aria-label': 'Rules' } });
  private readonly query = el('input', { attrs: { id: 'rule-query', type: 'text', placeholder: 'e.g. lavrov OR blinken', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'rule-error' } });
  private readonly tags = el('input', { attrs: { id: 'rule-tags', type: 'text', placeholder: 'Tags, separated by commas', autocomplete: 'off', spellcheck: 'false' } });
  private readonly addButton = el('button', { className: 'button', attrs: { id: 'rule-add', type: 'submit' } }, 'Add rule');
  private readonly error = el('p', { className: 'form-error', attrs: { id: 'rule-error', role: 'alert', hidden: true } });
  private readonly dryRunButton = el('button', { className: 'button', attrs: { id: 'rules-dry-run', type: 'button' } }, 'Apply to archive…');
  private readonly preview = el('div', { className: 'rules-preview', attrs: { id: 'rules-preview', hidden: true } });
  private readonly progress = el('progress', { attrs: { id: 'rules-progress', max: 1, 'aria-label': 'Applying rules', hidden: true } });
  private readonly result = el('p', { className: 'export-summary', attrs: { id: 'rules-result', role: 'status', hidden: true } });
  private rules: TagRule[] = [];

  constructor(private readonly events: RulesDialogEvents) {
    super(createDialogElement('rules-dialog', 'rules-dialog', 'rules-heading'));
    const close = el('button', { className: 'button primary', attrs: { id: 'rules-close', type: 'button' } }, 'Done');
    const form = el(
      'form',
      { className: 'dialog-form', attrs: { id: 'rules-form', novalidate: true } },
      el('h2', { attrs: { id: 'rules-heading' } }, 'Tag rules'),
      el('p', { className: 'field-note' }, 'When an article matches a rule’s query, it gets the rule’s tags: each new cutting as it is added, and the whole archive when you apply them.'),
      this.list,
      el('div', { className: 'settings-row' }, this.dryRunButton, this.progress),
      this.preview,
      this.result,
      el(
        'fieldset',
        { className: 'rule-new' },
        el('legend', {}, 'New rule'),
        el(
          'div',
          { className: 'rule-new-grid' },
          el('label', { attrs: { for: 'rule-query' } }, 'When an article matches'),
          this.query,
          el('label', { attrs: { for: 'rule-tags' } }, 'add the tags'),
          el('div', { className: 'settings-row' }, this.tags, this.addButton),
        ),
        this.error,
      ),
      el('div', { className: 'dialog-buttons' }, close),
    );
    this.dialog.append(form);

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.add();
    });
    this.query.addEventListener('input', () => this.showError(''));
    this.list.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-remove-rule]');
      if (button) void this.remove(Number(button.dataset.removeRule));
    });
    this.dryRunButton.addEventListener('click', () => void this.dryRun());
    close.addEventListener('click', () => this.close());
  }

  /** Opens the dialog with the rules main has now. */
  async open(): Promise<void> {
    if (this.isOpen) return;
    this.preview.hidden = true;
    this.result.hidden = true;
    this.showError('');
    replaceChildren(this.list, el('li', { className: 'rules-none' }, 'Loading…'));
    this.showModal();
    this.query.focus();
    try {
      this.showRules(await call('listRules'));
    } catch (error) {
      replaceChildren(this.list, el('li', { className: 'rules-none form-error' }, messageOf(error)));
    }
  }

  /** Main's `bulk-progress` events while rules are applied. */
  showProgress(done: number, total: number): void {
    if (!this.busy) return;
    this.progress.max = Math.max(1, total);
    this.progress.value = done;
  }

  private showRules(rules: TagRule[]): void {
    this.rules = rules;
    this.dryRunButton.disabled = rules.length === 0;
    if (rules.length === 0) {
      replaceChildren(this.list, el('li', { className: 'rules-none' }, 'No rules yet.'));
      return;
    }
    replaceChildren(
      this.list,
      ...rules.map((rule) =>
        el(
          'li',
          { className: 'rule', dataset: { ruleId: String(rule.id) } },
          el('span', { className: 'rule-text' }, 'When ', el('code', { className: 'query-text' }, rule.query), ' add ', ...rule.tags.flatMap((tag) => [el('span', { className: 'chip' }, tag), ' '])),
          el('button', { className: 'button small', attrs: { type: 'button', 'aria-label': `Remove the rule ${rule.query}` }, dataset: { removeRule: String(rule.id) } }, 'Remove'),
        ),
      ),
    );
  }

  private async add(): Promise<void> {
    const query = this.query.value.trim();
    const tags = splitTags(this.tags.value);
    if (query === '') return this.showError('Type the query an article must match.', this.query);
    if (tags.length === 0) return this.showError('Type the tags to add, separated by commas.', this.tags);
    this.showError('');
    try {
      this.showRules(await call('addRule', { query, tags }));
      this.query.value = '';
      this.tags.value = '';
      this.preview.hidden = true;
      this.query.focus();
    } catch (error) {
      // Main names what is wrong (the query's fault, a tag it refuses); nothing was added.
      this.showError(messageOf(error), this.query);
    }
  }

  private async remove(id: number): Promise<void> {
    try {
      this.showRules(await call('removeRule', id));
      this.preview.hidden = true;
    } catch (error) {
      this.showError(messageOf(error));
    }
  }

  /** Counts and lists what applying every rule would change; nothing is changed yet. */
  private async dryRun(): Promise<void> {
    if (this.busy) return;
    this.result.hidden = true;
    let summary: RulesRunSummary;
    try {
      summary = await call('applyRules', { dryRun: true });
    } catch (error) {
      this.showError(messageOf(error));
      return;
    }
    const apply = el('button', { className: 'button primary', attrs: { id: 'rules-apply', type: 'button' } }, `Apply to ${plural(summary.changed, 'article')}`);
    const cancel = el('button', { className: 'button', attrs: { id: 'rules-apply-cancel', type: 'button' } }, 'Cancel');
    apply.disabled = summary.changed === 0;
    apply.addEventListener('click', () => void this.apply());
    cancel.addEventListener('click', () => {
      this.preview.hidden = true;
      this.dryRunButton.focus();
    });
    const more = summary.changed - summary.changes.length;
    replaceChildren(
      this.preview,
      el('p', { className: 'rules-dry-run-count', attrs: { id: 'rules-dry-run-count' } }, summary.changed === 0 ? 'Nothing would change: every matching article has its rules’ tags already.' : `${plural(summary.changed, 'article')} would change:`),
      el(
        'ul',
        { className: 'rules-per-rule' },
        ...summary.rules.map(({ rule, matched, changed }) => el('li', {}, el('code', { className: 'query-text' }, rule.query), ` matches ${plural(matched, 'article')}, ${changed.toLocaleString()} of them would change`)),
      ),
      summary.changes.length > 0
        ? el(
            'ul',
            { className: 'rules-changes', attrs: { id: 'rules-changes', 'aria-label': 'What would change' } },
            ...summary.changes.map((change) => el('li', {}, el('span', { className: 'rules-change-title' }, change.title), ' ', ...change.add.map((tag) => el('span', { className: 'chip' }, `+ ${tag}`)))),
          )
        : null,
      more > 0 ? el('p', { className: 'field-note' }, `and ${plural(more, 'other article')}`) : null,
      el('div', { className: 'dialog-buttons' }, cancel, apply),
    );
    this.preview.hidden = false;
    (summary.changed > 0 ? apply : cancel).focus();
  }

  private async apply(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.progress.hidden = false;
    this.progress.removeAttribute('value');
    for (const button of this.preview.querySelectorAll('button')) button.disabled = true;
    try {
      const summary = await call('applyRules', { dryRun: false });
      this.preview.hidden = true;
      this.result.textContent = summary.message;
      this.result.hidden = false;
      this.events.applied(summary);
    } catch (error) {
      this.showError(messageOf(error));
      for (const button of this.preview.querySelectorAll('button')) button.disabled = false;
    } finally {
      this.busy = false;
      this.progress.hidden = true;
    }
  }

  private showError(message: string, field?: HTMLInputElement): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
    for (const input of [this.query, this.tags]) input.removeAttribute('aria-invalid');
    if (message !== '' && field) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    }
  }
}
