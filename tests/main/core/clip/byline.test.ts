import { describe, expect, it } from 'vitest';
import { authorAfterLabel, authorInMarkup, authorLinkedToTheirPage, bylineInText, cleanByline, looksLikeNames, shownText } from '../../../../main/core/clip/byline';
import { parsePage, withDomWindow } from '../../../../main/core/clip/dom';
import type { DomDocument } from '../../../../main/core/clip/dom';

/** Runs `check` with `page`, which parses a page of the given body in one jsdom window. */
function withPages(check: (page: (body: string) => DomDocument) => void): void {
  withDomWindow((window) => check((body) => parsePage(window, `<html><body>${body}</body></html>`)));
}

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
    expect(cleanByline('VON MORITZ GATHMANN am 21. April 2020')).toBe('MORITZ GATHMANN');
    expect(cleanByline('Gunter Frank / 22.04.2020 / 06:15')).toBe('Gunter Frank');
    expect(cleanByline('Text von Christian Seiler Illustration von Markus Roost')).toBe('Christian Seiler');
    expect(cleanByline('Joe Wee Monday, May 6 2013')).toBe('Joe Wee');
  });

  it('refuses what is not a name', () => {
    for (const raw of ['By', 'Posted', 'Follow', '@handle', 'Foto: Ingo Schneider', 'https://example.org/me', 'Lucas Nolan22 Dec 2016651', 'Last Updated: January 7, 2025', '', null]) {
      expect(cleanByline(raw)).toBeNull();
    }
  });
});

describe('authorInMarkup', () => {
  it('reads microdata first, then rel=author, then author-marked classes, never a commenter', () => {
    withPages((page) => {
      expect(authorInMarkup(page('<span class="byline">Von Julia Kern</span><span itemprop="author"><span itemprop="name">Anna Dunst</span></span>'))).toBe('Anna Dunst');
      expect(authorInMarkup(page('<a rel="author" href="/u/tlow">tlow</a>'))).toBe('tlow');
      expect(authorInMarkup(page('<div class="post-author-name">By Cara Stiles</div>'))).toBe('Cara Stiles');
      expect(authorInMarkup(page('<ol class="comment-list"><li><span class="author">Troll</span></li></ol>'))).toBeNull();
    });
  });

  it('reads names in separate elements apart, and leaves out what only screen readers get', () => {
    withPages((page) => {
      const linked = '<div class="article-author"><a href="/a/1">Rocío Latorre</a><span> y </span><a href="/a/2">José Wilson</a><time>Hace 13 horas</time></div>';
      expect(authorInMarkup(page(linked))).toBe('Rocío Latorre y José Wilson');
      expect(authorInMarkup(page('<a class="author" href="/u/j"><span class="ds-sr-only">Zum Profil von jesusfreak</span> jesusfreak</a>'))).toBe('jesusfreak');
    });
  });
});

describe('shownText', () => {
  it('puts a space between elements only where two words would run together', () => {
    withDomWindow((window) => {
      const element = (html: string) => parsePage(window, `<html><body><p>${html}</p></body></html>`).body.firstElementChild!;
      expect(shownText(element('<b>Jane</b><i>Doe</i>'))).toBe('Jane Doe');
      expect(shownText(element('red, wien.ORF.at/<a>Agenturen</a>'))).toBe('red, wien.ORF.at/Agenturen');
      expect(shownText(element('Jane <span class="visually-hidden">(opens profile)</span>Doe<span hidden>x</span>'))).toBe('Jane Doe');
    });
  });
});

describe('authorLinkedToTheirPage', () => {
  it("takes the name on a link to the author's page, but not in the chrome, a quotation or a sentence", () => {
    withPages((page) => {
      expect(authorLinkedToTheirPage(page('<p><a href="/autor/frank_g">Gunter Frank</a> / 03.11.2021</p>'))).toBe('Gunter Frank');
      expect(authorLinkedToTheirPage(page('<p><a href="https://blog.example/author/jane-doe/">Jane Doe</a></p>'))).toBe('Jane Doe');
      expect(authorLinkedToTheirPage(page('<nav><a href="/author/jane/">Jane Doe</a></nav><blockquote><a href="/author/ceo/">Ryan Merkley</a></blockquote>'))).toBeNull();
      expect(authorLinkedToTheirPage(page('<p><a href="/author/jane/">all the posts by her</a></p><p><a href="/authorities/">Tax Office</a></p>'))).toBeNull();
    });
  });
});

describe('looksLikeNames', () => {
  it('accepts capitalised names, initials, particles and joined names, and nothing else', () => {
    for (const names of ['Olga', 'R. R.', 'Jean de La Fontaine', 'MORITZ GATHMANN', 'Anna Dunst und Ben Roe']) expect(looksLikeNames(names)).toBe(true);
    for (const text of ['the way', 'Berlin nach Hamburg', 'fri.juli', '']) expect(looksLikeNames(text)).toBe(false);
  });
});

describe('bylineInText', () => {
  it('finds "Von …" and "By …" lines, after a date too, but not in comments or captions, nor in a sentence', () => {
    withPages((page) => {
      expect(bylineInText(page('<h1>Story</h1><p><i>von Daniela Obers</i></p><p>Grenzen sind wichtig.</p>'))).toBe('Daniela Obers');
      expect(bylineInText(page('<h2>Stars <span>06.11.2023 13:30 von Olga</span></h2>'))).toBe('Olga');
      expect(bylineInText(page('<p class="postmetadata">Von R. R. am 7. August 2013</p>'))).toBe('R. R.');
      expect(bylineInText(page('<figure><figcaption>By Jane Doe</figcaption></figure><div class="comment"><p>By Troll Person</p></div>'))).toBeNull();
      expect(bylineInText(page('<p>Sortiert by Datum und Name, von Berlin nach Hamburg.</p>'))).toBeNull();
      expect(bylineInText(page('<p><a href="/a">Text Without Notes</a></p>'))).toBeNull();
      expect(bylineInText(page('<div><p>Auteur : Kossivi Tiassou</p></div>'))).toBe('Kossivi Tiassou');
      expect(bylineInText(page('<p><span class="category">Posted by Konstantin</span></p>'))).toBe('Konstantin');
      expect(bylineInText(page('<p>Geschrieben von Jane Doe am 3. März 2021</p>'))).toBe('Jane Doe');
      expect(bylineInText(page('<div class="comments"><p>Posted by Troll Person</p></div>'))).toBeNull();
    });
  });

  it('finds "Ein Beitrag von …" and "Article by …" lines', () => {
    withPages((page) => {
      expect(bylineInText(page('<p>Blog Beitrag von Margarita Koreneva</p>'))).toBe('Margarita Koreneva');
      expect(bylineInText(page('<p>Ein Gastbeitrag von Jane Doe</p>'))).toBe('Jane Doe');
      expect(bylineInText(page('<div><span class="article_author_single">Article by</span><br>\n<a href="/b">Barry Alleyne</a></div>'))).toBe('Barry Alleyne');
    });
  });

  it('takes a user name before a date when no line names a person, and a person over a user name', () => {
    withPages((page) => {
      const submitted = '<p class="submitted">Gespeichert von <span class="username">rasos</span> am 24. Juli 2017 - 18:55</p>';
      expect(bylineInText(page(submitted))).toBe('rasos');
      expect(bylineInText(page(`${submitted}<p>Blog Beitrag von Margarita Koreneva</p>`))).toBe('Margarita Koreneva');
      // Without a date after it, a lower-case word is no name: "von unten" is a sentence's.
      expect(bylineInText(page('<p>Gespeichert von unten</p>'))).toBeNull();
    });
  });
});

describe('authorAfterLabel', () => {
  it('reads the names after a label in its own element, up to the line break, but not a sentence or a tag list', () => {
    withPages((page) => {
      expect(authorAfterLabel(page('<p><strong>Autor:</strong> <a href="/p/1">Jane Doe</a><br><strong>Tags:</strong> <a>eins</a></p>'))).toBe('Jane Doe');
      expect(authorAfterLabel(page('<dl><dt>Author</dt><dd>Jane Doe</dd></dl>'))).toBe('Jane Doe');
      expect(authorAfterLabel(page('<p><b>Von:</b> der Redaktion wurde alles geprüft und für gut befunden</p>'))).toBeNull();
      expect(authorAfterLabel(page('<footer><p><b>Autor:</b> Jane Doe</p></footer>'))).toBeNull();
    });
  });
});
