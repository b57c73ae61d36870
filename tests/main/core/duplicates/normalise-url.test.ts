import { describe, expect, it } from 'vitest';
import { isTrackingParameter, normaliseUrl } from '../../../../main/core/duplicates/normalise-url';

describe('normaliseUrl', () => {
  it('strips tracking parameters, lower-cases the host, drops the fragment and the default port', () => {
    expect(normaliseUrl('HTTPS://News.Example.org:443/World/Story?utm_source=tw&utm_medium=social&id=7&fbclid=x&gclid=y#comments')).toBe(
      'https://news.example.org/World/Story?id=7',
    );
  });

  it('reads http as https, drops port 80 and a trailing slash, and sorts what parameters are left', () => {
    expect(normaliseUrl('http://example.org:80/a/?b=2&a=1')).toBe('https://example.org/a?a=1&b=2');
  });

  it('keeps a port that is not the default and the path as written', () => {
    expect(normaliseUrl('https://example.org:8443/A/b')).toBe('https://example.org:8443/A/b');
  });

  it('answers null for what is not an http(s) address', () => {
    expect(normaliseUrl('ftp://example.org/a')).toBeNull();
    expect(normaliseUrl('not a url')).toBeNull();
    expect(normaliseUrl(null)).toBeNull();
  });

  it('knows the tracking parameters by name and by family', () => {
    for (const name of ['utm_campaign', 'UTM_SOURCE', 'fbclid', 'gclid', 'msclkid', 'mc_eid', '_ga']) expect(isTrackingParameter(name)).toBe(true);
    for (const name of ['id', 'page', 'story']) expect(isTrackingParameter(name)).toBe(false);
  });
});
