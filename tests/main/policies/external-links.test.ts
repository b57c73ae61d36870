import { describe, expect, it } from 'vitest';
import { externalUrlToOpen, isSafeExternalUrl } from '../../../main/policies/external-links';

describe('isSafeExternalUrl', () => {
  it('lets http, https and mailto links go to the system browser', () => {
    expect(isSafeExternalUrl('https://www.bbc.co.uk/news')).toBe(true);
    expect(isSafeExternalUrl('http://example.org/')).toBe(true);
    expect(isSafeExternalUrl('mailto:desk@example.org')).toBe(true);
  });

  it('refuses every other scheme and anything that does not parse', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'smb://host/share', 'cuttings-app://app/', '//evil', '']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('externalUrlToOpen', () => {
  it('hands the system browser the parsed, re-serialised address', () => {
    expect(externalUrlToOpen('HTTPS://Example.org/a b')).toBe('https://example.org/a%20b');
    expect(externalUrlToOpen('mailto:desk@example.org?subject=Hi')).toBe('mailto:desk@example.org?subject=Hi');
  });

  it('refuses addresses with credentials or without a host', () => {
    expect(externalUrlToOpen('https://bank.example@evil.example/')).toBeNull();
    expect(externalUrlToOpen('https://user:pw@example.org/')).toBeNull();
    expect(externalUrlToOpen('file:///etc/passwd')).toBeNull();
    expect(externalUrlToOpen('javascript:alert(1)')).toBeNull();
  });
});
