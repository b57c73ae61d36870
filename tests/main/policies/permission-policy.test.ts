import { describe, expect, it } from 'vitest';
import { ALLOWED_PERMISSION, permissionAllowed } from '../../../main/policies/permission-policy';

const WINDOW = 'cuttings-app://app/index.html';

describe('permissionAllowed', () => {
  it("lets the window's own top frame write to the clipboard, as a request (URL) and as a check (origin)", () => {
    expect(ALLOWED_PERMISSION).toBe('clipboard-sanitized-write');
    expect(permissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl: WINDOW, isMainFrame: true })).toBe(true);
    expect(permissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl: 'cuttings-app://app', isMainFrame: true })).toBe(true);
    expect(permissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl: 'cuttings-app://app/', isMainFrame: true, embeddingOrigin: '' })).toBe(true);
  });

  it('refuses every other permission to the window', () => {
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation', 'display-capture', 'openExternal', 'fullscreen', 'pointerLock', 'hid', 'usb', 'serial', 'unknown', '']) {
      expect(permissionAllowed({ permission, requestingUrl: WINDOW, isMainFrame: true }), permission).toBe(false);
    }
  });

  it("refuses the clipboard to the reader's frame, to other origins and to look-alikes", () => {
    // The clipped page in the reader is a subframe (about:srcdoc, same origin): never.
    expect(permissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl: 'about:srcdoc', isMainFrame: false })).toBe(false);
    expect(permissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl: WINDOW, isMainFrame: false })).toBe(false);
    for (const requestingUrl of ['https://example.org/', 'http://127.0.0.1:5173/', 'file:///home/ann/story.html', 'cuttings-app://evil/index.html', 'cuttings-app://user@app/', 'cuttings-asset:ab.png', 'null', '']) {
      expect(permissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl, isMainFrame: true }), requestingUrl).toBe(false);
    }
    expect(permissionAllowed({ permission: 'clipboard-sanitized-write', requestingUrl: WINDOW, isMainFrame: true, embeddingOrigin: 'https://example.org' })).toBe(false);
  });
});
