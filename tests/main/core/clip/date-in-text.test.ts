import { describe, expect, it } from 'vitest';
import { dateInMarkup, dateInText, dateInUrl, dateNearHeadline } from '../../../../main/core/clip/date-in-text';
import { parsePage, withDomWindow } from '../../../../main/core/clip/dom';

describe('dateInText', () => {
  it('reads the ways people write dates, in several languages', () => {
    expect(dateInText('am 25.08.2015 22:30')).toBe('2015-08-25');
    expect(dateInText('Veröffentlicht: 2. Februar 2022')).toBe('2022-02-02');
    expect(dateInText('Posted on November 17, 2019 by Cem')).toBe('2019-11-17');
    expect(dateInText('le 1er janvier 2020')).toBe('2020-01-01');
    expect(dateInText('17 Nov 2019')).toBe('2019-11-17');
    expect(dateInText('2019/11/17')).toBe('2019-11-17');
    expect(dateInText('23.09.22 - Homestory')).toBe('2022-09-23');
  });

  it('takes the first date, and no impossible one', () => {
    expect(dateInText('Erstellt 03.02.2021, geändert 04.05.2022')).toBe('2021-02-03');
    expect(dateInText('31.02.2021')).toBeNull();
    expect(dateInText('Version 10.2 has 12 items, 2021 copies')).toBeNull();
    expect(dateInText('no date here')).toBeNull();
    expect(dateInText('Version 1.2.19')).toBeNull();
  });
});

describe('dateInUrl', () => {
  it('reads /YYYY/MM/DD/, YYYY-MM-DD and YYYYMMDD in the path', () => {
    expect(dateInUrl('https://blog.example/2012/12/08/mandelplatzchen/')).toBe('2012-12-08');
    expect(dateInUrl('https://news.example/story-2020-01-29-kassel.html')).toBe('2020-01-29');
    expect(dateInUrl('https://news.example/archive/20191117/story')).toBe('2019-11-17');
  });

  it('ignores numbers that are not dates, and the query string', () => {
    expect(dateInUrl('https://news.example/article/123456789')).toBeNull();
    expect(dateInUrl('https://news.example/a?date=2020/01/02')).toBeNull();
    expect(dateInUrl('not a url')).toBeNull();
    expect(dateInUrl(null)).toBeNull();
  });
});

describe('dateInMarkup', () => {
  it('finds a date after a label such as "Datum:", but not after "Stand:" nor in a sentence', () => {
    withDomWindow((window) => {
      const page = (body: string) => parsePage(window, `<html><body>${body}</body></html>`);
      expect(dateInMarkup(page('<ul><li><span>Datum:</span>26. Januar 2022</li></ul>'))).toBe('2022-01-26');
      expect(dateInMarkup(page('<p>Stand: 07.11.2023, 07:30 Uhr</p>'))).toBeNull();
      expect(dateInMarkup(page('<p>Das Datum des Treffens, der 3. März 2021, stand lange fest, und alle wussten es, auch die Presse und die Leute vom Amt.</p>'))).toBeNull();
    });
  });

  it('finds a date in an element whose class or data-testid ends in "date", and not in an element nothing marks', () => {
    withDomWindow((window) => {
      const page = (body: string) => parsePage(window, `<html><body>${body}</body></html>`);
      expect(dateInMarkup(page('<span class="_publishingdate">07.11.2023</span>'))).toBe('2023-11-07');
      expect(dateInMarkup(page('<span data-testid="article-details-date">3.11.2023</span>'))).toBe('2023-11-03');
      expect(dateInMarkup(page('<span class="price-tag">3.11.2023</span>'))).toBeNull();
      // Drupal's "Submitted by … on …" line.
      expect(dateInMarkup(page('<div class="submitted">Gespeichert von <span>rasos</span> am 24. Juli 2017 - 18:05</div>'))).toBe('2017-07-24');
    });
  });

  it('finds a date in an element whose class marks it, camelCase too, but not in comments', () => {
    withDomWindow((window) => {
      const page = (body: string) => parsePage(window, `<html><body>${body}</body></html>`);
      expect(dateInMarkup(page('<p>Written in 1999.</p><span class="itemPostDate">am 25.08.2015</span>'))).toBe('2015-08-25');
      expect(dateInMarkup(page('<div class="entry-meta">Posted May 3, 2021</div>'))).toBe('2021-05-03');
      expect(dateInMarkup(page('<div id="comments"><span class="comment-date">3.4.2020</span></div>'))).toBeNull();
    });
  });
});

describe('dateNearHeadline', () => {
  it('reads the date in the line after the <h1>, and not one far down the page', () => {
    withDomWindow((window) => {
      const page = (body: string) => parsePage(window, `<html><body>${body}</body></html>`);
      expect(dateNearHeadline(page('<div><h1>Bruderduell</h1><p>Handball Schweiz • 02.02.2022</p></div><p>Text.</p>'))).toBe('2022-02-02');
      expect(dateNearHeadline(page('<header><h1>Bruderduell</h1></header><div class="x"><p>Von Ana · 3. März 2021</p></div>'))).toBe('2021-03-03');
      expect(dateNearHeadline(page(`<h1>Bruderduell</h1><p>${'Lange Geschichte. '.repeat(20)}</p><p>02.02.2022</p>`))).toBeNull();
      expect(dateNearHeadline(page('<p>02.02.2022</p>'))).toBeNull();
    });
  });
});
