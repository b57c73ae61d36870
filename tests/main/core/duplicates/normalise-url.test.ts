import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTrackingParameter, normaliseUrl, urlKeyByParser } from '../../../../main/core/duplicates/normalise-url';

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

  it('gives what the URL parser gives for any address, the plain ones worked out without it included', () => {
    // Pieces chosen to sit on each edge of the plain form: case, IDNA and number hosts, ports,
    // dot segments, percent escapes, characters the parser escapes, queries it re-encodes.
    const scheme = fc.constantFrom('http://', 'https://', 'HTTPS://', 'ftp://', '');
    const label = fc.constantFrom('news', 'example', 'org', 'co', 'uk', 'a-b', 'Big', 'xn--bcher-kva', '0x7f', '127', '0', 'b\u00fccher', '-x', 'x--y', '');
    const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
    const port = fc.constantFrom('', '', ':80', ':443', ':8080', ':');
    const segment = fc.constantFrom('a', 'B', '.', '..', '%2e', '.%2E', '%2F', '%zz', 'x y', '\u00e9', '~', "it's", '!$&()*+,;=:@', '', 'a.b', '"', '^', '|');
    const path = fc.array(segment, { maxLength: 5 }).map((segments) => segments.map((each) => `/${each}`).join(''));
    const name = fc.constantFrom('id', 'utm_source', 'UTM_medium', 'a', 'b', 'x.y', 'x+y', '%20', '\u00e9', '', 'fbclid', 'a*');
    const value = fc.constantFrom('', '1', '2', 'x y', 'a=b', '%41', '+', '-._*', 'Z');
    const pair = fc.tuple(name, fc.boolean(), value).map(([n, equals, v]) => (equals ? `${n}=${v}` : n));
    const query = fc.option(fc.array(pair, { maxLength: 4 }).map((pairs) => `?${pairs.join('&')}`), { nil: '' });
    const fragment = fc.constantFrom('', '#top', '#', '#a b');
    const space = fc.constantFrom('', ' ', '\t');
    fc.assert(
      fc.property(space, scheme, host, port, path, query, fragment, space, (before, s, h, p, pathname, q, f, after) => {
        const raw = `${before}${s}${h}${p}${pathname}${q}${f}${after}`;
        expect(normaliseUrl(raw)).toBe(urlKeyByParser(raw.trim()));
      }),
      { numRuns: 5000 },
    );
  });
});
