/**
 * The window's size and position, remembered between runs in `<userData>/window-state.json`
 * and put back only where it can be seen: a display may have been unplugged or the
 * resolution lowered since. Free of electron (main/index.ts passes `screen`'s work areas), so
 * the clamping is unit-tested.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileDurably } from '../core/storage/durable-file';

/** A rectangle in screen coordinates, as Electron's `Rectangle`. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered. */
export interface WindowState {
  /** The normal (not maximised) bounds; no x/y means "centre it". */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

/** The window's smallest size (main/window.ts sets it as minWidth/minHeight). */
export const MIN_SIZE = { width: 760, height: 480 } as const;
/** The size of a first window. */
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
/** How much of the window must be on a display for its position to be kept. */
const VISIBLE_MARGIN = 100;

/**
 * Where the window should open given what was saved (anything, as read from the file) and
 * the displays' work areas now: the saved size, shrunk to fit the largest display and no
 * smaller than MIN_SIZE; the saved position if enough of the window is then on a display
 * (moved fully onto it), else none (the OS centres it). Anything unreadable gives the default.
 *
 * @example clampToDisplays({ bounds: { x: 3000, y: 0, width: 1000, height: 700 }, maximized: false }, [{ x: 0, y: 0, width: 1920, height: 1040 }])
 *   // → { bounds: { width: 1000, height: 700 }, maximized: false }  (the second monitor is gone)
 */
export function clampToDisplays(saved: unknown, displays: readonly Area[]): WindowState {
  const fallback: WindowState = { bounds: { ...DEFAULT_SIZE }, maximized: false };
  if (!isRecord(saved) || !isRecord(saved.bounds)) return fallback;
  const { x, y, width, height } = saved.bounds;
  if (!isFiniteNumber(width) || !isFiniteNumber(height)) return fallback;
  const maximized = saved.maximized === true;
  const largest = displays.reduce<Area | null>((best, area) => (best === null || area.width * area.height > best.width * best.height ? area : best), null);
  const size = {
    width: Math.round(Math.max(MIN_SIZE.width, largest ? Math.min(width, largest.width) : width)),
    height: Math.round(Math.max(MIN_SIZE.height, largest ? Math.min(height, largest.height) : height)),
  };
  if (!isFiniteNumber(x) || !isFiniteNumber(y)) return { bounds: size, maximized };
  const window = { x: Math.round(x), y: Math.round(y), ...size };
  const home = displays
    .map((area) => ({ area, overlap: overlap(window, area) }))
    .filter(({ overlap: shared }) => shared.width >= Math.min(VISIBLE_MARGIN, window.width) && shared.height >= Math.min(VISIBLE_MARGIN, window.height))
    .sort((a, b) => b.overlap.width * b.overlap.height - a.overlap.width * a.overlap.height)[0];
  if (!home) return { bounds: size, maximized };
  // Pull it wholly onto the display it is mostly on (it fits: its size is clamped to the largest).
  const area = home.area;
  const placed = {
    x: Math.max(area.x, Math.min(window.x, area.x + area.width - window.width)),
    y: Math.max(area.y, Math.min(window.y, area.y + area.height - window.height)),
  };
  return { bounds: { ...placed, ...size }, maximized };
}

/** Reads the saved state, or null when there is none or it is not JSON (a fresh start is fine). */
export async function loadWindowState(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Saves the state durably (a crash never leaves half a file). */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileDurably(file, `${JSON.stringify(state, null, 2)}\n`);
}

function overlap(a: Area, b: Area): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The parts of a BrowserWindow that trackWindowState uses (its type only: no electron here). */
export type TrackedWindow = Pick<import('electron').BrowserWindow, 'getNormalBounds' | 'isMaximized' | 'on'>;

/**
 * Saves the window's state when it closes, and after it stops moving or resizing (so a crash
 * keeps the last place too). Returns the last save in flight, for the app to await on quit.
 */
export function trackWindowState(window: TrackedWindow, file: string): () => Promise<void> {
  let pending: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    pending = pending.then(() => saveWindowState(file, state)).catch((error: unknown) => console.error(`cuttings: cannot save the window's place: ${(error as Error).message}`));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 1000);
  };
  window.on('resized', later);
  window.on('moved', later);
  window.on('close', save);
  return () => pending;
}
