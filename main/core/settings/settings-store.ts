/**
 * The app's settings, kept in one small JSON file in the user's profile
 * (`<userData>/settings.json`), written durably (temp file → fsync → rename → fsync folder).
 *
 * A file that does not parse or holds nonsense never stops the app: it is moved aside to
 * `settings.json.damaged-<time>` (kept for the user to look at), the defaults are used, and
 * the notice says so. A field with a bad value falls back to its default alone.
 */
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Theme } from '../../../common/api';
import { CuttingsError } from '../../../common/errors';
import { writeFileDurably } from '../storage/durable-file';

/** The format of settings.json. */
export interface StoredSettings {
  version: 1;
  /** The library to open; null for the default (main/core/library-location.ts). */
  libraryPath: string | null;
  theme: Theme;
}

/** A first run's settings. */
export const DEFAULT_SETTINGS: StoredSettings = { version: 1, libraryPath: null, theme: 'system' };

const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** An open settings file. */
export class SettingsStore {
  private constructor(
    /** Where the settings live. */
    readonly file: string,
    private settings: StoredSettings,
    /** What reading the file did that the user should be told (a damaged file moved aside). */
    readonly notices: readonly string[],
  ) {}

  /** Reads the settings at `file`; a missing file means the defaults. */
  static async open(file: string): Promise<SettingsStore> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new SettingsStore(file, { ...DEFAULT_SETTINGS }, []);
      throw new CuttingsError('internal', `settings: cannot read ${file}: ${(error as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return SettingsStore.setAside(file, `it is not JSON (${(error as Error).message})`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return SettingsStore.setAside(file, 'it is not a JSON object');
    const { settings, problems } = readFields(parsed as Record<string, unknown>);
    const notices = problems.length > 0 ? [`settings: ${file}: ${problems.join('; ')}; the default is used instead`] : [];
    return new SettingsStore(file, settings, notices);
  }

  /** Moves a damaged file aside and starts from the defaults. */
  private static async setAside(file: string, reason: string): Promise<SettingsStore> {
    const aside = `${file}.damaged-${new Date().toISOString().replace(/[:.]/gu, '-')}`;
    await rename(file, aside);
    return new SettingsStore(file, { ...DEFAULT_SETTINGS }, [`settings: ${file} was damaged (${reason}); it was moved to ${aside} and the defaults are used`]);
  }

  /** The settings now (a copy). */
  get current(): StoredSettings {
    return { ...this.settings };
  }

  /**
   * Changes some settings and writes them to disk before resolving. A bad value is refused
   * with a CuttingsError naming it, and nothing is written.
   */
  async update(change: Partial<Omit<StoredSettings, 'version'>>): Promise<StoredSettings> {
    const next = { ...this.settings };
    if (change.theme !== undefined) {
      if (!THEMES.includes(change.theme)) throw new CuttingsError('invalid-input', `settings: theme must be system, light or dark, not ${JSON.stringify(change.theme)}`);
      next.theme = change.theme;
    }
    if (change.libraryPath !== undefined) {
      if (change.libraryPath !== null && (typeof change.libraryPath !== 'string' || change.libraryPath.trim() === '')) {
        throw new CuttingsError('invalid-input', `settings: libraryPath must be a folder or null, not ${JSON.stringify(change.libraryPath)}`);
      }
      next.libraryPath = change.libraryPath;
    }
    // The profile folder exists once Electron has started, but not always before (or in tests).
    await mkdir(dirname(this.file), { recursive: true });
    await writeFileDurably(this.file, `${JSON.stringify(next, null, 2)}\n`);
    this.settings = next;
    return this.current;
  }
}

/** The settings in a parsed file, each bad field replaced by its default and named. */
function readFields(raw: Record<string, unknown>): { settings: StoredSettings; problems: string[] } {
  const settings = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  if (raw.libraryPath !== undefined && raw.libraryPath !== null) {
    if (typeof raw.libraryPath === 'string' && raw.libraryPath.trim() !== '') settings.libraryPath = raw.libraryPath;
    else problems.push(`libraryPath ${JSON.stringify(raw.libraryPath)} is not a folder`);
  }
  if (raw.theme !== undefined) {
    if (THEMES.includes(raw.theme as Theme)) settings.theme = raw.theme as Theme;
    else problems.push(`theme ${JSON.stringify(raw.theme)} is not system, light or dark`);
  }
  // Earlier versions kept a `browserEndpoint` switch here that turned nothing on; clipping from
  // the browser is a library's setting (browser-clipping.json), so the old field is let go.
  return { settings, problems };
}
