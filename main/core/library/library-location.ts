/**
 * Where the library lives when nobody says. The desktop app and the CLI both call this,
 * so they open the same library by default. `CUTTINGS_LIBRARY` overrides it for both.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The default library folder for this user and platform. */
export function defaultLibraryPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Cuttings', 'Library');
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Cuttings', 'Library');
    default:
      return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'cuttings', 'library');
  }
}

/** The library to open: an explicit path, else `CUTTINGS_LIBRARY`, else the default. */
export function resolveLibraryPath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return explicit || env.CUTTINGS_LIBRARY || defaultLibraryPath(env);
}
