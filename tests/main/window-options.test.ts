import { describe, expect, it } from 'vitest';
import { mainWindowPreferences } from '../../main/window-options';
import { RENDERER_CSP } from '../../main/content-security-policy';

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
    });
  });

  it('has a CSP without unsafe-inline or unsafe-eval that loads nothing remote', () => {
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/u);
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("script-src 'self'");
  });
});
