/**
 * The application menu, as a template: the standard roles (the app menu on macOS, Edit,
 * View, Window, Help), and the app's own commands with their shortcuts:
 *
 *   Add Cutting…       CmdOrCtrl+N        opens the add dialog in the window
 *   Import File…       CmdOrCtrl+O        the OS's file dialog, imported in main
 *   Export…            CmdOrCtrl+E        opens the export dialog in the window
 *   Find               CmdOrCtrl+F        focuses the search box
 *   Settings…          CmdOrCtrl+,        opens the settings dialog
 *   About Cuttings                        the version (in the app menu on macOS, Help elsewhere)
 *
 * Only electron's types are imported, so the template is unit-tested; main/index.ts builds
 * the menu from it with `Menu.buildFromTemplate`.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppEvent } from '../common/api';

/** What the menu's own commands do; main/index.ts wires them to the window and dialogs. */
export interface MenuActions {
  /** Sends an event to the window (add, find, settings). */
  send(event: AppEvent): void;
  /** Shows the OS's open dialog and imports the files chosen. */
  importFiles(): void;
  /** Shows the About box. */
  about(): void;
}

/** Builds the menu for a platform (`process.platform`). */
export function buildMenuTemplate(platform: NodeJS.Platform, appName: string, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => actions.about() };
  const settings: MenuItemConstructorOptions = {
    label: 'Settings…',
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.send({ type: 'open-settings' }),
  };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: appName,
      submenu: [about, { type: 'separator' }, settings, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  template.push(
    {
      label: 'File',
      submenu: [
        { label: 'Add Cutting…', accelerator: 'CmdOrCtrl+N', click: () => actions.send({ type: 'add-cutting' }) },
        { label: 'Import File…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.send({ type: 'open-export' }) },
        ...(mac ? [] : [{ type: 'separator' } as const, settings]),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find', accelerator: 'CmdOrCtrl+F', click: () => actions.send({ type: 'focus-search' }) },
        // Cmd+I is "Get Info" on macOS; the window's own key is e (keyboard-shortcuts.ts).
        { label: 'Edit Details…', accelerator: 'CmdOrCtrl+I', click: () => actions.send({ type: 'edit-details' }) },
      ],
    },
    {
      label: 'View',
      submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: mac ? [] : [about] },
  );
  return template;
}

/** The About box's text: the version and where the library is. */
export function aboutDetail(version: string, libraryPath: string, versions: { electron: string; chrome: string; node: string }): string {
  return [`Version ${version}`, `Library: ${libraryPath}`, '', `Electron ${versions.electron} · Chromium ${versions.chrome} · Node ${versions.node}`].join('\n');
}
