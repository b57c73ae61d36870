import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../main/external-links';

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
