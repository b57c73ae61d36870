import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../main/ipc/sender-check';

describe('isTrustedSender', () => {
  it("accepts only the app's own top frame", () => {
    expect(isTrustedSender({ url: 'cuttings-app://app/index.html', isTopFrame: true })).toBe(true);
  });

  it('refuses subframes, other origins, other schemes and missing frames', () => {
    expect(isTrustedSender({ url: 'cuttings-app://app/index.html', isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'cuttings-app://evil/index.html', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'https://app/index.html', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///index.html', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'about:srcdoc', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'not a url', isTopFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
