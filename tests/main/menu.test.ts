import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../common/api';
import { aboutDetail, buildMenuTemplate } from '../../main/menu';

function record() {
  const calls: (AppEvent | 'import' | 'about')[] = [];
  return {
    calls,
    actions: { send: (event: AppEvent) => calls.push(event), importFiles: () => calls.push('import'), about: () => calls.push('about') },
  };
}

/** Every item of the template, depth first. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function item(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items(template).find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no menu item ${label}`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

describe('buildMenuTemplate', () => {
  it('has the standard menus: File, Edit, View, Window, Help, and the app menu on macOS only', () => {
    const linux = buildMenuTemplate('linux', 'Cuttings', record().actions);
    expect(linux.map((menu) => menu.label ?? menu.role)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
    const mac = buildMenuTemplate('darwin', 'Cuttings', record().actions);
    expect(mac.map((menu) => menu.label ?? menu.role)).toEqual(['Cuttings', 'File', 'Edit', 'View', 'windowMenu', 'help']);
    const roles = items(mac).map((entry) => entry.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['quit', 'hide', 'services', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'reload', 'togglefullscreen']));
    expect(items(linux).map((entry) => entry.role)).toContain('quit');
  });

  it("gives the app's commands their shortcuts and sends them to the window", () => {
    const { calls, actions } = record();
    const template = buildMenuTemplate('win32', 'Cuttings', actions);
    const expected: [string, string][] = [
      ['Add Cutting…', 'CmdOrCtrl+N'],
      ['Import File…', 'CmdOrCtrl+O'],
      ['Export…', 'CmdOrCtrl+E'],
      ['Find', 'CmdOrCtrl+F'],
      ['Edit Details…', 'CmdOrCtrl+I'],
      ['Settings…', 'CmdOrCtrl+,'],
    ];
    for (const [label, accelerator] of expected) expect(item(template, label).accelerator, label).toBe(accelerator);
    for (const label of ['Add Cutting…', 'Import File…', 'Export…', 'Find', 'Edit Details…', 'Settings…', 'About Cuttings']) click(item(template, label));
    expect(calls).toEqual([{ type: 'add-cutting' }, 'import', { type: 'open-export' }, { type: 'focus-search' }, { type: 'edit-details' }, { type: 'open-settings' }, 'about']);
  });

  it('puts Settings and About in the app menu on macOS, in File and Help elsewhere', () => {
    const mac = buildMenuTemplate('darwin', 'Cuttings', record().actions);
    const appMenu = mac[0]!.submenu as MenuItemConstructorOptions[];
    expect(appMenu.map((entry) => entry.label).filter(Boolean)).toEqual(['About Cuttings', 'Settings…']);
    const linux = buildMenuTemplate('linux', 'Cuttings', record().actions);
    expect((linux[0]!.submenu as MenuItemConstructorOptions[]).some((entry) => entry.label === 'Settings…')).toBe(true);
    expect((linux.at(-1)!.submenu as MenuItemConstructorOptions[]).map((entry) => entry.label)).toEqual(['About Cuttings']);
  });
});

describe('aboutDetail', () => {
  it('says the version, the library and the runtime', () => {
    expect(aboutDetail('0.1.0', '/home/ann/lib', { electron: '45.4.1', chrome: '142.0', node: '22.20.0' })).toBe(
      'Version 0.1.0\nLibrary: /home/ann/lib\n\nElectron 45.4.1 · Chromium 142.0 · Node 22.20.0',
    );
  });
});
