import { describe, expect, it } from 'vitest';
import { browserName } from '../../../extension/background/browser-name';

const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

describe('browserName', () => {
  it('names the product from the client hints, skipping the made-up brand', () => {
    expect(browserName(CHROME_UA, [{ brand: 'Not)A;Brand', version: '8' }, { brand: 'Chromium', version: '156' }])).toBe('Chromium 156');
    expect(browserName(CHROME_UA, [{ brand: 'Chromium', version: '141' }, { brand: 'Not?A_Brand', version: '24' }, { brand: 'Microsoft Edge', version: '141' }])).toBe('Microsoft Edge 141');
    expect(browserName(CHROME_UA, [{ brand: 'Google Chrome', version: '140' }, { brand: 'Chromium', version: '140' }])).toBe('Google Chrome 140');
  });

  it('reads Firefox, which has no client hints, from its User-Agent', () => {
    expect(browserName('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0', undefined)).toBe('Firefox 140');
    expect(browserName(CHROME_UA, [])).toBe('Chromium 156');
    expect(browserName('Something else', undefined)).toBe('a browser');
  });
});
