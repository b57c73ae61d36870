import { describe, expect, it } from 'vitest';
import { mainWindowPreferences } from '../../../main/policies/window-options';
import { RENDERER_CSP } from '../../../main/policies/content-security-policy';

describe('the main window', () => {
  it('isolates the renderer: sandbox, context isolation, no Node, web security on', () => {
    expect(mainWindowPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      nodeIntegrationInWorker: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
    });
    // Nothing that would switch a protection back on or widen the page's powers.
    const preferences = mainWindowPreferences('/app/preload.cjs');
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(preferences).not.toHaveProperty('enableRemoteModule');
    expect(preferences).not.toHaveProperty('additionalArguments');
  });

  it('has a CSP without unsafe-inline or unsafe-eval that loads nothing remote', () => {
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/u);
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("script-src 'self'");
  });
});
