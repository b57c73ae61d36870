import { describe, expect, it } from 'vitest';
import { isAppPage, mayNavigate } from '../../../main/policies/navigation-policy';

describe('mayNavigate', () => {
  it("lets the top frame go only to the app's own pages", () => {
    expect(mayNavigate('cuttings-app://app/index.html', true)).toBe(true);
    expect(mayNavigate('cuttings-app://app/', true)).toBe(true);
    for (const url of [
      'https://www.bbc.co.uk/news',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'cuttings-app://evil/index.html',
      'cuttings-app://app.evil.example/index.html',
      'cuttings-app://user:pass@app/index.html',
      'cuttings-app:app/index.html',
      'about:blank',
      'about:srcdoc',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'not a url',
      '',
    ]) {
      expect(mayNavigate(url, true), url).toBe(false);
    }
  });

  it("lets the reader's iframe show its srcdoc and jump between matches, and nothing else", () => {
    expect(mayNavigate('about:srcdoc', false)).toBe(true);
    expect(mayNavigate('about:srcdoc#cuttings-match-3', false)).toBe(true);
    expect(mayNavigate('about:blank', false)).toBe(true);
    for (const url of ['https://tracker.example/', 'about:srcdoc?x=1', 'about:config', 'file:///tmp/a.html', 'javascript:void 0']) {
      expect(mayNavigate(url, false), url).toBe(false);
    }
  });
});

describe('isAppPage', () => {
  it('parses the address instead of comparing prefixes', () => {
    expect(isAppPage('cuttings-app://app/index.html')).toBe(true);
    expect(isAppPage('cuttings-app://app@evil/index.html')).toBe(false);
    expect(isAppPage('cuttings-app://app:80/index.html')).toBe(false);
  });
});
