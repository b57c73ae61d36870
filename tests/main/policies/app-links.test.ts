import { describe, expect, it } from 'vitest';
import { BROWSER_CLIPPING_LINK, cuttingLink, OPEN_APP_LINK } from '../../../common/schemes';
import { isAppLink, parseAppLink } from '../../../main/policies/app-links';

describe('parseAppLink', () => {
  it('reads the links common/schemes.ts makes', () => {
    expect(parseAppLink(cuttingLink('01JH3V5Q7M0X2K9T4B6N8C1D2E'))).toEqual({ kind: 'article', id: '01JH3V5Q7M0X2K9T4B6N8C1D2E' });
    expect(parseAppLink(OPEN_APP_LINK)).toEqual({ kind: 'open' });
    expect(parseAppLink(BROWSER_CLIPPING_LINK)).toEqual({ kind: 'browser-clipping' });
  });

  it('takes the forms an OS or a browser may hand over', () => {
    expect(parseAppLink('cuttings://open/')).toEqual({ kind: 'open' });
    expect(parseAppLink('cuttings://')).toEqual({ kind: 'open' });
    expect(parseAppLink('CUTTINGS://Article/01jh3v5q7m0x2k9t4b6n8c1d2e/')).toEqual({ kind: 'article', id: '01JH3V5Q7M0X2K9T4B6N8C1D2E' });
  });

  it('names nothing for a link it does not know, and nothing for other schemes', () => {
    for (const link of ['cuttings://article/../../etc/passwd', 'cuttings://article/', 'cuttings://settings/reset', 'cuttings://open/extra', 'cuttings://browser-clipping/on']) {
      expect(parseAppLink(link), link).toBeNull();
      expect(isAppLink(link)).toBe(true);
    }
    expect(parseAppLink('https://example.org/')).toBeNull();
    expect(isAppLink('cuttings-app://app/index.html')).toBe(false);
  });
});
