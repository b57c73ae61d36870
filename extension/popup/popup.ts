/**
 * The popup of the toolbar button: connect to Cuttings once; then, for the tab in front, the
 * title Cuttings will store (editable), tags completed from the library's, a note, and Clip;
 * then the result in one line — saved (with a link that opens the cutting in the app), already
 * in Cuttings (skip, keep both, keep as a new version), kept until the app answers, or what
 * went wrong. It asks the service worker for everything (shared/messages.ts).
 *
 * Which tab: the one the context menu chose, else `?tab=<id>` (a popup opened in a tab of its
 * own, as the tests do), else the active tab of this window.
 */
import { normaliseTag, tagKey } from '../../common/tags';
import { BROWSER_CLIPPING_LINK, OPEN_APP_LINK } from '../../common/schemes';
import type { DuplicateAction } from '../../common/api';
import type { ExtensionClipKind } from '../../common/browser-protocol';
import { ask, type ClipOptions, type ClipResult, type ExtensionStatus, type Preview } from '../shared/messages';
import { PENDING_CLIP_KEY, type PendingClip } from '../shared/pending-clip';
import { byId, opensInTab, showLine } from '../ui/page-parts';
import { queueLine, renderQueue } from '../ui/queue-view';

const parts = {
  connect: byId('connect', HTMLElement),
  pairButton: byId('pair-button', HTMLButtonElement),
  pairingState: byId('pairing-state', HTMLElement),
  loading: byId('loading', HTMLElement),
  form: byId('clip-form', HTMLFormElement),
  notice: byId('clip-notice', HTMLElement),
  kindChoice: byId('kind-choice', HTMLFieldSetElement),
  kindSelection: byId('kind-selection', HTMLInputElement),
  kindPage: byId('kind-page', HTMLInputElement),
  title: byId('title', HTMLInputElement),
  titleNote: byId('title-note', HTMLElement),
  chips: byId('tag-chips', HTMLUListElement),
  tagInput: byId('tag-input', HTMLInputElement),
  tagOptions: byId('tag-options', HTMLDataListElement),
  note: byId('note', HTMLTextAreaElement),
  duplicateWarning: byId('duplicate-warning', HTMLElement),
  clipButton: byId('clip-button', HTMLButtonElement),
  result: byId('result', HTMLElement),
  resultLine: byId('result-line', HTMLElement),
  resultError: byId('result-error', HTMLElement),
  resultLink: byId('result-link', HTMLAnchorElement),
  duplicateChoices: byId('duplicate-choices', HTMLElement),
  openApp: byId('open-app', HTMLAnchorElement),
  queue: byId('queue', HTMLElement),
  queueCount: byId('queue-count', HTMLElement),
  queueList: byId('queue-list', HTMLUListElement),
  queueSend: byId('queue-send', HTMLButtonElement),
  recent: byId('recent', HTMLUListElement),
};

/** The tab to clip and what was chosen for it. */
let target: { tabId: number; kind?: ExtensionClipKind; linkUrl?: string } | null = null;
/** The title as Cuttings previewed it: sent only if the user changed it. */
let previewTitle = '';
const tags: string[] = [];

parts.openApp.href = BROWSER_CLIPPING_LINK;
byId('footer-open-app', HTMLAnchorElement).href = OPEN_APP_LINK;
for (const link of [parts.openApp, parts.resultLink, byId('footer-open-app', HTMLAnchorElement), byId('options-link', HTMLAnchorElement)]) opensInTab(link);

/** Finds the tab: the context menu's choice, `?tab=`, or the active tab. */
async function findTarget(): Promise<typeof target> {
  const pending = (await chrome.storage.session.get(PENDING_CLIP_KEY))[PENDING_CLIP_KEY] as PendingClip | undefined;
  if (pending) {
    await chrome.storage.session.remove(PENDING_CLIP_KEY);
    return pending;
  }
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return { tabId: fromQuery };
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { tabId: tab.id };
}

// ---- connecting ----

async function showConnect(waiting: boolean): Promise<void> {
  parts.loading.hidden = true;
  parts.form.hidden = true;
  parts.connect.hidden = false;
  if (waiting) await followPairing();
}

parts.pairButton.addEventListener('click', () => {
  void (async () => {
    parts.pairButton.disabled = true;
    showLine(parts.pairingState, 'Asking Cuttings…');
    const progress = await ask({ type: 'pair' });
    if (progress.state === 'waiting') await followPairing();
    else pairingEnded(progress.state === 'paired' ? '' : 'message' in progress ? progress.message : '');
  })();
});

/** Asks every second whether the user has answered in Cuttings, until they have. */
async function followPairing(): Promise<void> {
  parts.pairButton.disabled = true;
  showLine(parts.pairingState, 'Allow the request in the Cuttings window: it names this browser and this extension.');
  for (;;) {
    const progress = await ask({ type: 'pairing-progress' });
    if (progress.state === 'waiting') {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
    if (progress.state === 'paired') {
      parts.connect.hidden = true;
      showLine(parts.pairingState, '');
      await showForm();
      return;
    }
    pairingEnded(progress.message);
    return;
  }
}

function pairingEnded(message: string): void {
  parts.pairButton.disabled = false;
  showLine(parts.pairingState, message);
  parts.openApp.hidden = !/not running|off/iu.test(message);
  parts.result.hidden = parts.openApp.hidden;
}

// ---- the clip form ----

function chosenKind(): ExtensionClipKind | undefined {
  if (target?.kind === 'link') return 'link';
  if (!parts.kindChoice.hidden) return parts.kindSelection.checked ? 'selection' : 'page';
  return target?.kind;
}

async function showForm(): Promise<void> {
  if (!target) return showError('There is no tab to clip.');
  parts.loading.hidden = false;
  const preview: Preview = await ask({ type: 'preview', tabId: target.tabId, options: { kind: chosenKind(), ...(target.linkUrl ? { linkUrl: target.linkUrl } : {}) } });
  parts.loading.hidden = true;
  if (!preview.ok) {
    if (preview.unpaired) {
      showError(preview.message);
      return showConnect(false);
    }
    return showError(preview.message);
  }
  parts.form.hidden = false;
  previewTitle = preview.title;
  parts.title.value = preview.title;
  parts.titleNote.textContent = preview.fromApp ? 'As Cuttings will store it; change it if you like.' : 'Cuttings is not answering: this is the page’s own title. The clip will wait until Cuttings runs.';
  showLine(parts.notice, preview.notice ?? '');
  parts.kindChoice.hidden = !(preview.hasSelection && preview.kind !== 'link');
  if (!parts.kindChoice.hidden && !parts.kindSelection.checked && !parts.kindPage.checked) (preview.kind === 'selection' ? parts.kindSelection : parts.kindPage).checked = true;
  showLine(parts.duplicateWarning, preview.duplicate ? `Already in Cuttings: “${preview.duplicate.title}” (${preview.duplicate.detail}). Clipping asks what to do.` : '');
  parts.title.focus();
  parts.title.select();
  void loadTagOptions();
}

for (const radio of [parts.kindSelection, parts.kindPage]) radio.addEventListener('change', () => void showForm());

async function loadTagOptions(): Promise<void> {
  const known = await ask({ type: 'tags' });
  parts.tagOptions.replaceChildren(
    ...known.map((tag) => {
      const option = document.createElement('option');
      option.value = tag;
      return option;
    }),
  );
}

/** Adds what is typed in the tag field as a tag (Enter, a comma, or clipping). */
function addTypedTag(): void {
  for (const part of parts.tagInput.value.split(',')) {
    if (part.trim() === '') continue;
    let tag: string;
    try {
      tag = normaliseTag(part);
    } catch (error) {
      showError((error as Error).message);
      continue;
    }
    if (!tags.some((kept) => tagKey(kept) === tagKey(tag))) tags.push(tag);
  }
  parts.tagInput.value = '';
  renderChips();
}

function renderChips(): void {
  parts.chips.replaceChildren(
    ...tags.map((tag) => {
      const chip = document.createElement('li');
      chip.className = 'tag-chip';
      chip.textContent = tag;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'tag-remove';
      remove.textContent = '×';
      remove.setAttribute('aria-label', `Remove the tag ${tag}`);
      remove.addEventListener('click', () => {
        tags.splice(tags.indexOf(tag), 1);
        renderChips();
        parts.tagInput.focus();
      });
      chip.append(remove);
      return chip;
    }),
  );
}

parts.tagInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ',') {
    event.preventDefault();
    addTypedTag();
  } else if (event.key === 'Backspace' && parts.tagInput.value === '' && tags.length > 0) {
    tags.pop();
    renderChips();
  }
});
// Choosing an offered tag from the list completes it at once.
parts.tagInput.addEventListener('input', () => {
  if ([...parts.tagOptions.options].some((option) => option.value === parts.tagInput.value)) addTypedTag();
});

parts.form.addEventListener('submit', (event) => {
  event.preventDefault();
  addTypedTag();
  void clip('ask');
});

/** The form as clip options. */
function formOptions(onDuplicate: DuplicateAction | 'ask'): ClipOptions {
  const title = parts.title.value.trim();
  return {
    kind: chosenKind(),
    ...(target?.linkUrl ? { linkUrl: target.linkUrl } : {}),
    ...(title && title !== previewTitle ? { title } : {}),
    tags: [...tags],
    note: parts.note.value,
    onDuplicate,
  };
}

async function clip(onDuplicate: DuplicateAction | 'ask'): Promise<void> {
  if (!target) return;
  parts.clipButton.disabled = true;
  for (const button of parts.duplicateChoices.querySelectorAll('button')) button.disabled = true;
  parts.result.hidden = false;
  showLine(parts.resultError, '');
  parts.resultLine.textContent = 'Clipping…';
  try {
    showResult(await ask({ type: 'clip', tabId: target.tabId, options: formOptions(onDuplicate) }));
  } finally {
    parts.clipButton.disabled = false;
    for (const button of parts.duplicateChoices.querySelectorAll('button')) button.disabled = false;
  }
  await refreshQueue();
}

/** Says what a clip came to, in one line, with what can be done next. */
function showResult(result: ClipResult): void {
  parts.result.hidden = false;
  parts.resultLink.hidden = true;
  parts.duplicateChoices.hidden = true;
  parts.openApp.hidden = true;
  parts.resultLine.textContent = '';
  showLine(parts.resultError, '');
  switch (result.status) {
    case 'added':
      parts.form.hidden = true;
      parts.resultLine.textContent = `Saved to Cuttings: “${result.title}”`;
      parts.resultLink.href = result.link;
      parts.resultLink.hidden = false;
      return;
    case 'duplicate':
      parts.resultLine.textContent = `Already in Cuttings: “${result.duplicate.title}” (${result.duplicate.detail}, clipped ${result.duplicate.clipped.slice(0, 10)}). Skip it, keep both, or keep this as a new version?`;
      parts.duplicateChoices.hidden = false;
      parts.form.hidden = true;
      byId('dup-version', HTMLButtonElement).focus();
      return;
    case 'queued':
      parts.form.hidden = true;
      parts.resultLine.textContent = `Cuttings is not running: “${result.title}” is kept here and sent when it answers (${result.waiting} waiting).`;
      parts.openApp.href = OPEN_APP_LINK;
      parts.openApp.hidden = false;
      return;
    case 'unpaired':
      showError(result.message);
      void showConnect(false);
      return;
    case 'error':
      showError(result.message);
  }
}

function showError(message: string): void {
  parts.result.hidden = false;
  parts.resultLine.textContent = '';
  showLine(parts.resultError, message);
}

byId('dup-skip', HTMLButtonElement).addEventListener('click', () => {
  parts.duplicateChoices.hidden = true;
  parts.resultLine.textContent = 'Not saved: it is already in Cuttings.';
});
byId('dup-keep', HTMLButtonElement).addEventListener('click', () => void clip('keep'));
byId('dup-version', HTMLButtonElement).addEventListener('click', () => void clip('version'));

// ---- the queue ----

function showStatus(status: ExtensionStatus): void {
  parts.queue.hidden = status.queue.length === 0;
  parts.queueCount.textContent = queueLine(status);
  renderQueue(parts.queueList, status, (id, action) => void ask({ type: 'decide-queued', id, action }).then(showStatus));
  parts.recent.hidden = status.recent.length === 0;
  parts.recent.replaceChildren(
    ...status.recent.slice(0, 3).map((entry) => {
      const item = document.createElement('li');
      const result = entry.result;
      item.textContent =
        result.status === 'added'
          ? `Sent to Cuttings: “${result.title}”`
          : result.status === 'duplicate'
            ? `Already in Cuttings: “${result.duplicate.title}”`
            : `“${entry.title}”: ${'message' in result ? result.message : result.status}`;
      return item;
    }),
  );
}

async function refreshQueue(): Promise<void> {
  showStatus(await ask({ type: 'status' }));
}

parts.queueSend.addEventListener('click', () => void ask({ type: 'flush' }).then(showStatus));

void (async () => {
  target = await findTarget();
  // What waited goes first, now that someone is looking.
  const status = await ask({ type: 'flush' });
  showStatus(status);
  if (!status.paired) await showConnect(status.pairing);
  else await showForm();
  document.body.dataset.ready = 'true';
})();
