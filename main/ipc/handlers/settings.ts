/**
 * The handlers for the Settings dialog: read and change the settings, switch to another
 * library, and the OS's folder picker. handler-table.ts joins these into the one handler table.
 */
import { z } from 'zod';
import type { AppSettings } from '../../../common/api';
import { CuttingsError } from '../../../common/errors';
import type { Library } from '../../core/library';
import type { LibrarySession } from '../../core/settings/library-session';
import type { SettingsStore, StoredSettings } from '../../core/settings/settings-store';
import type { GroupMethods, GroupSchemas } from '../handler-group';

type SettingsMethod = 'getSettings' | 'updateSettings' | 'switchLibrary' | 'chooseLibraryFolder';

/**
 * What the settings channels need beyond a library: the settings file and the switchable
 * library session (main/core/settings/), and from the desktop app the OS's folder picker and
 * a hook to apply a change (the native theme). The harness passes the first two.
 */
export interface SettingsServices {
  settings: SettingsStore;
  session: LibrarySession;
  /** Shows the OS's folder dialog; resolves to null when the user cancels. */
  chooseFolder?: (mode: 'open' | 'create') => Promise<string | null>;
  /** Hears every change, after it is on disk. */
  onChange?: (settings: StoredSettings) => void;
}

/** The argument schema of each settings method. */
export const settingsSchemas = {
  getSettings: z.tuple([]),
  updateSettings: z.tuple([z.object({ theme: z.enum(['system', 'light', 'dark']).optional() }).strict()]),
  switchLibrary: z.tuple([z.object({ path: z.string().min(1).max(4096), mode: z.enum(['open', 'create']) }).strict()]),
  chooseLibraryFolder: z.tuple([z.enum(['open', 'create'])]),
} satisfies GroupSchemas<SettingsMethod>;

/** The settings methods; without `services` (a table built for a library alone) each fails saying so. */
export function settingsMethods(getLibrary: () => Library, services: SettingsServices | undefined): GroupMethods<SettingsMethod> {
  const settingsServices = (): SettingsServices => {
    if (!services) throw new CuttingsError('internal', 'settings: this handler table was built without settings');
    return services;
  };
  const view = (stored: StoredSettings): AppSettings => ({
    libraryPath: getLibrary().path,
    theme: stored.theme,
  });
  return {
    getSettings: async () => view(settingsServices().settings.current),
    updateSettings: async (change) => {
      const { settings, onChange } = settingsServices();
      const stored = await settings.update(change);
      onChange?.(stored);
      return view(stored);
    },
    switchLibrary: async (request) => {
      const { settings, session, onChange } = settingsServices();
      const library = await session.switchTo(request.path, request.mode);
      const stored = await settings.update({ libraryPath: library.path });
      onChange?.(stored);
      return view(stored);
    },
    chooseLibraryFolder: async (mode) => {
      const { chooseFolder } = settingsServices();
      if (!chooseFolder) throw new CuttingsError('invalid-input', "settings: choosing a folder needs the desktop app; type the folder's full path instead");
      return chooseFolder(mode);
    },
  };
}
