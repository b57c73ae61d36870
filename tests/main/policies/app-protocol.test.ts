import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererFileFor, rendererHeaders } from '../../../main/policies/app-protocol';
import { RENDERER_CSP } from '../../../main/policies/content-security-policy';

const ROOT = join(sep, 'opt', 'cuttings', 'dist', 'renderer');

describe('rendererFileFor', () => {
  it("maps the app's addresses to files of the built renderer", () => {
    expect(rendererFileFor(ROOT, 'cuttings-app://app/index.html')).toBe(join(ROOT, 'index.html'));
    expect(rendererFileFor(ROOT, 'cuttings-app://app/')).toBe(join(ROOT, 'index.html'));
    expect(rendererFileFor(ROOT, 'cuttings-app://app/main.js?v=1#x')).toBe(join(ROOT, 'main.js'));
  });

  it('keeps dot segments the URL parser resolves inside the folder', () => {
    expect(rendererFileFor(ROOT, 'cuttings-app://app/../../../etc/passwd')).toBe(join(ROOT, 'etc', 'passwd'));
    expect(rendererFileFor(ROOT, 'cuttings-app://app/%2e%2e/%2e%2e/etc/passwd')).toBe(join(ROOT, 'etc', 'passwd'));
  });

  it('refuses other hosts and every way of climbing out of the folder', () => {
    for (const url of [
      'cuttings-app://other/index.html',
      'cuttings-app://app/..%2f..%2fetc%2fpasswd',
      'cuttings-app://app/..%5c..%5cwindows%5cwin.ini',
      'cuttings-app://app/index.html%00.png',
      'cuttings-app://app/%E0%A4%A',
      'not a url',
    ]) {
      expect(rendererFileFor(ROOT, url), url).toBeNull();
    }
  });
});

describe('rendererHeaders', () => {
  it("sends every file with its type, the window's CSP and nosniff", () => {
    expect(rendererHeaders(join(ROOT, 'main.js'))).toEqual({
      'content-type': 'text/javascript; charset=utf-8',
      'content-security-policy': RENDERER_CSP,
      'x-content-type-options': 'nosniff',
    });
    expect(rendererHeaders(join(ROOT, 'unknown.bin'))['content-type']).toBe('application/octet-stream');
  });
});
