import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clampToDisplays, DEFAULT_SIZE, loadWindowState, saveWindowState } from '../../../main/policies/window-state';

const LAPTOP = { x: 0, y: 0, width: 1440, height: 870 };
const MONITOR = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('clampToDisplays', () => {
  it('puts a window back where it was when that place is still on a display', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1200, height: 900 }, maximized: true };
    expect(clampToDisplays(saved, [LAPTOP, MONITOR])).toEqual(saved);
  });

  it('forgets the position on a display that is gone, and shrinks the window to the largest display left', () => {
    expect(clampToDisplays({ bounds: { x: 1600, y: 100, width: 2000, height: 1200 }, maximized: false }, [LAPTOP])).toEqual({
      bounds: { width: 1440, height: 870 },
      maximized: false,
    });
  });

  it('pulls a window hanging off the edge wholly onto its display', () => {
    expect(clampToDisplays({ bounds: { x: 1000, y: -50, width: 800, height: 600 }, maximized: false }, [LAPTOP])).toEqual({
      bounds: { x: 640, y: 0, width: 800, height: 600 },
      maximized: false,
    });
  });

  it('never makes the window smaller than its minimum', () => {
    expect(clampToDisplays({ bounds: { width: 100, height: 50 }, maximized: false }, [LAPTOP]).bounds).toEqual({ width: 760, height: 480 });
  });

  it('opens at the default size for a missing or damaged state', () => {
    for (const saved of [null, 'x', [], { bounds: null }, { bounds: { width: 'wide', height: 800 } }, { bounds: { width: Number.NaN, height: 1 } }]) {
      expect(clampToDisplays(saved, [LAPTOP]), JSON.stringify(saved)).toEqual({ bounds: { ...DEFAULT_SIZE }, maximized: false });
    }
  });
});

describe('loadWindowState and saveWindowState', () => {
  it('round-trip the state through a file, and read a damaged file as none', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cuttings-window-state-'));
    try {
      const file = join(folder, 'profile', 'window-state.json');
      expect(await loadWindowState(file)).toBeNull();
      const state = { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: false };
      await saveWindowState(file, state);
      expect(await loadWindowState(file)).toEqual(state);
      await writeFile(file, '{"bounds": {');
      expect(await loadWindowState(file)).toBeNull();
      expect(await readFile(file, 'utf8')).toBe('{"bounds": {');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
