import { describe, expect, it } from 'vitest';
import { authorInMarkup, cleanByline } from '../../../../main/core/clip/byline';
import { parsePage, withDomWindow } from '../../../../main/core/clip/dom';

describe('cleanByline', () => {
  it('keeps the names and drops what introduces or follows them', () => {
    expect(cleanByline('By Jane Doe')).toBe('Jane Doe');
    expect(cleanByline('Veröffentlicht von Cem Basman')).toBe('Cem Basman');
    expect(cleanByline('Par Barbara Stiegler')).toBe('Barbara Stiegler');
    expect(cleanByline('| Autor: gnaddrig')).toBe('gnaddrig');
    expect(cleanByline('Zeige alle Beiträge von Simon Dückert →')).toBe('Simon Dückert');
    expect(cleanByline('Williams Perdomo @wperdomod')).toBe('Williams Perdomo');
    expect(cleanByline('Rob Picheta, CNN')).toBe('Rob Picheta');
    expect(cleanByline('Johanna Kropfitsch Alle Artikel')).toBe('Johanna Kropfitsch');
  });

  it('refuses what is not a name', () => {
    for (const raw of ['By', 'Posted', 'Follow', '@handle', 'Foto: Ingo Schneider', 'https://example.org/me', 'Lucas Nolan22 Dec 2016651', '', null]) {
      expect(cleanByline(raw)).toBeNull();
    }
  });
});

describe('authorInMarkup', () => {
  it('reads microdata first, then rel=author, then author-marked classes, never a commenter', () => {
    withDomWindow((window) => {
      const page = (body: string) => parsePage(window, `<html><body>${body}</body></html>`);
      expect(authorInMarkup(page('<span class="byline">Von Julia Kern</span><span itemprop="author"><span itemprop="name">Anna Dunst</span></span>'))).toBe('Anna Dunst');
      expect(authorInMarkup(page('<a rel="author" href="/u/tlow">tlow</a>'))).toBe('tlow');
      expect(authorInMarkup(page('<div class="post-author-name">By Cara Stiles</div>'))).toBe('Cara Stiles');
      expect(authorInMarkup(page('<ol class="comment-list"><li><span class="author">Troll</span></li></ol>'))).toBeNull();
    });
  });
});
