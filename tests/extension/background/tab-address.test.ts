import { describe, expect, it } from 'vitest';
import { refusalForAddress } from '../../../extension/background/tab-address';

describe('refusalForAddress', () => {
  it('lets web pages through', () => {
    expect(refusalForAddress('https://www.bbc.co.uk/news/world-60000000')).toBeNull();
    expect(refusalForAddress('http://127.0.0.1:8080/story')).toBeNull();
  });

  it('says why each other kind of tab cannot be clipped, and what to do', () => {
    expect(refusalForAddress('file:///home/ann/story.html')).toBe('This is a file on your computer (file://): add it in Cuttings with Add, or drop it on its window. Nothing was saved.');
    expect(refusalForAddress('chrome://settings/')).toBe('This is one of the browser’s own pages (chrome:); Cuttings clips web pages only. Nothing was saved.');
    expect(refusalForAddress('about:addons')).toBe('This is one of the browser’s own pages (about:); Cuttings clips web pages only. Nothing was saved.');
    expect(refusalForAddress('ftp://files.example/a.txt')).toBe('Cuttings clips web pages (http, https), not ftp: addresses. Nothing was saved.');
    expect(refusalForAddress(undefined)).toBe('Cuttings cannot see this tab’s address (the browser keeps it from extensions); nothing was saved.');
    expect(refusalForAddress('not a url')).toBe('Cuttings cannot read the address not a url; nothing was saved.');
  });
});
