import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunchArguments } from '../../../main/policies/launch-arguments';

const HOME = resolve('/home/ann');

describe('parseLaunchArguments', () => {
  it('takes files and web addresses after the packaged executable, resolving paths against the launch folder', () => {
    expect(
      parseLaunchArguments(['/opt/Cuttings/cuttings', 'story.html', join(HOME, 'feeds', 'week.cuttings'), 'https://www.bbc.co.uk/news/x'], HOME, false),
    ).toEqual({ files: [join(HOME, 'story.html'), join(HOME, 'feeds', 'week.cuttings')], urls: ['https://www.bbc.co.uk/news/x'], links: [], ignored: [] });
  });

  it("skips the app's path when run from source, and Chromium's own switches", () => {
    expect(
      parseLaunchArguments(['/usr/lib/electron/electron', '.', '--allow-file-access-from-files', '--original-process-start-time=1', 'notes.md', '-v'], HOME, true),
    ).toEqual({ files: [join(HOME, 'notes.md')], urls: [], links: [], ignored: [] });
    // Without the app path argument nothing is skipped by mistake after the switches.
    expect(parseLaunchArguments(['electron', '--inspect=0', '/srv/app', 'a.htm'], HOME, true).files).toEqual([join(HOME, 'a.htm')]);
  });

  it('ignores what it cannot open: other schemes, other file types, non-web URLs', () => {
    expect(parseLaunchArguments(['cuttings', 'file:///etc/passwd', 'javascript:alert(1)', 'photo.jpg', 'ftp://example.org/a.html', 'mailto:x@y.z'], HOME, false)).toEqual({
      files: [],
      urls: [],
      links: [],
      ignored: ['file:///etc/passwd', 'javascript:alert(1)', 'photo.jpg', 'ftp://example.org/a.html', 'mailto:x@y.z'],
    });
  });

  it('reads the cuttings: links the browser extension opens the app with', () => {
    expect(
      parseLaunchArguments(['/opt/Cuttings/cuttings', '--original-process-start-time=1', 'cuttings://article/01JH3V5Q7M0X2K9T4B6N8C1D2E', 'cuttings://open/', 'cuttings://browser-clipping', 'cuttings://delete/everything'], HOME, false),
    ).toEqual({
      files: [],
      urls: [],
      links: [{ kind: 'article', id: '01JH3V5Q7M0X2K9T4B6N8C1D2E' }, { kind: 'open' }, { kind: 'browser-clipping' }],
      ignored: ['cuttings://delete/everything'],
    });
  });
});

describe('parseLaunchArguments with file:// URLs (a Linux desktop entry passes %U)', () => {
  it('turns local file URLs into paths, percent-decoded', () => {
    expect(
      parseLaunchArguments(['/opt/Cuttings/cuttings', 'file:///home/ann/Saved%20pages/story.html', 'file://localhost/home/ann/week.cuttings', 'FILE:///home/ann/notes.md'], HOME, false),
    ).toEqual({ files: ['/home/ann/Saved pages/story.html', '/home/ann/week.cuttings', '/home/ann/notes.md'], urls: [], links: [], ignored: [] });
    // A name in another script survives the round trip.
    expect(parseLaunchArguments(['cuttings', 'file:///home/ann/%D0%A1%D1%82%D0%B0%D1%82%D1%8C%D1%8F.html'], HOME, false).files).toEqual(['/home/ann/Статья.html']);
  });

  it('ignores file URLs on another host, of a type it cannot open, or not valid', () => {
    expect(parseLaunchArguments(['cuttings', 'file://server/share/story.html', 'file:///home/ann/photo.jpg', 'file:///home/ann/%2Fetc.html', 'file:'], HOME, false)).toEqual({
      files: [],
      urls: [],
      links: [],
      ignored: ['file://server/share/story.html', 'file:///home/ann/photo.jpg', 'file:///home/ann/%2Fetc.html', 'file:'],
    });
  });
});
