/**
 * The Settings dialog, opened from the menu (Settings…, Ctrl/Cmd+,): the library in use and
 * switching to another (open an existing one, or create one in a new or empty folder), the
 * theme, whether clipping from the browser is on, with the way to its own dialog (the
 * switch, the pairing token and the bookmarklet live there), and evidence: the signing key,
 * the timestamping authority and the roots trusted for it (evidence-settings.ts). Every change goes to main at once
 * (updateSettings, switchLibrary) and is on disk when main answers; main's message for a
 * refusal is shown word for word. After a library switch the window reloads, to show the
 * other library from a clean slate.
 */
import type { AppSettings, BrowserClippingStatus, SettingsChange, Theme } from '../../common/api';
import { call, messageOf } from '../helpers/api-client';
import { required } from '../helpers/dom';
import { applyTheme } from '../helpers/theme';
import { Dialog } from './dialog';
import { EvidenceSettings } from './evidence-settings';

/** The dialog, wired to the markup in index.html. */
export class SettingsDialog extends Dialog {
  private readonly libraryPath = required('settings-library-path', HTMLElement);
  private readonly folder = required('settings-library-folder', HTMLInputElement);
  private readonly libraryError = required('settings-library-error', HTMLElement);
  private readonly browserState = required('settings-browser-state', HTMLElement);
  private readonly error = required('settings-error', HTMLElement);
  private readonly libraryButtons: HTMLButtonElement[];
  private readonly evidence: EvidenceSettings;

  /**
   * `openBrowserClipping` shows the "Clip from the browser" dialog; `reloadWindow` shows the
   * library after a switch (location.reload in the app); `evidenceChanged` hears a change of
   * the TSA or of the timestamps waiting.
   */
  constructor(
    openBrowserClipping: () => void,
    private readonly reloadWindow: () => void = () => location.reload(),
    evidenceChanged: () => void = () => undefined,
  ) {
    super(required('settings-dialog', HTMLDialogElement));
    this.evidence = new EvidenceSettings(required('settings-evidence', HTMLElement), evidenceChanged);
    const open = required('settings-library-open', HTMLButtonElement);
    const create = required('settings-library-create', HTMLButtonElement);
    const choose = required('settings-library-choose', HTMLButtonElement);
    this.libraryButtons = [open, create, choose];
    open.addEventListener('click', () => void this.switchLibrary('open'));
    create.addEventListener('click', () => void this.switchLibrary('create'));
    choose.addEventListener('click', () => void this.chooseFolder());
    for (const radio of this.themeRadios) radio.addEventListener('change', () => void this.change({ theme: radio.value as Theme }));
    required('settings-browser-open', HTMLButtonElement).addEventListener('click', () => {
      this.close();
      openBrowserClipping();
    });
    this.folder.addEventListener('input', () => this.showLibraryError(''));
    required('settings-close', HTMLButtonElement).addEventListener('click', () => this.close());
    required('settings-form', HTMLFormElement).addEventListener('submit', (event) => event.preventDefault());
  }

  /** Reads the settings from main and shows them. */
  async open(): Promise<void> {
    if (this.isOpen) return;
    this.showError('');
    this.showLibraryError('');
    this.folder.value = '';
    try {
      this.show(await call('getSettings'));
      this.showBrowserClipping(await call('browserClipping'));
    } catch (error) {
      this.showError(messageOf(error));
    }
    await this.evidence.load();
    this.showModal();
    this.themeRadios.find((radio) => radio.checked)?.focus();
  }

  private get themeRadios(): HTMLInputElement[] {
    return [...this.dialog.querySelectorAll<HTMLInputElement>('input[name="settings-theme"]')];
  }

  private show(settings: AppSettings): void {
    this.libraryPath.textContent = settings.libraryPath;
    for (const radio of this.themeRadios) radio.checked = radio.value === settings.theme;
    applyTheme(settings.theme);
  }

  private showBrowserClipping(status: BrowserClippingStatus): void {
    this.browserState.textContent = status.enabled
      ? `Clipping from the browser is on, at 127.0.0.1:${status.port ?? ''}.`
      : 'Clipping from the browser is off.';
  }

  private async change(change: SettingsChange): Promise<void> {
    this.showError('');
    try {
      this.show(await call('updateSettings', change));
    } catch (error) {
      this.showError(messageOf(error));
      // Show what main actually holds, not the control the user just moved.
      try {
        this.show(await call('getSettings'));
      } catch {
        // The first message says what went wrong.
      }
    }
  }

  private async chooseFolder(): Promise<void> {
    this.showLibraryError('');
    try {
      const chosen = await call('chooseLibraryFolder', 'open');
      if (chosen !== null) this.folder.value = chosen;
    } catch (error) {
      this.showLibraryError(messageOf(error));
    }
    this.folder.focus();
  }

  private async switchLibrary(mode: 'open' | 'create'): Promise<void> {
    if (this.busy) return;
    const path = this.folder.value.trim();
    if (path === '') {
      this.showLibraryError('Type the full path of a folder, or choose one.');
      this.folder.focus();
      return;
    }
    this.setBusy(true);
    this.showLibraryError('');
    try {
      this.show(await call('switchLibrary', { path, mode }));
      this.reloadWindow();
    } catch (error) {
      this.showLibraryError(messageOf(error));
      this.folder.focus();
    } finally {
      this.setBusy(false);
    }
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    for (const button of this.libraryButtons) button.disabled = busy;
  }

  private showLibraryError(message: string): void {
    this.libraryError.textContent = message;
    this.libraryError.hidden = message === '';
    if (message === '') this.folder.removeAttribute('aria-invalid');
    else this.folder.setAttribute('aria-invalid', 'true');
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
  }
}
