import { describe, expect, it } from 'vitest';
import { chooseTitle, withoutSiteName } from '../../../../main/core/clip/title';

const meta = (fields: { title?: string; titles?: string[]; heading?: string; source?: string; url?: string }) => ({
  title: fields.title ?? null,
  titles: fields.titles ?? (fields.title ? [fields.title] : []),
  heading: fields.heading ?? null,
  source: fields.source ?? null,
  url: fields.url ?? null,
});

describe('withoutSiteName', () => {
  it('cuts the site name, found by name or by web address, at either end', () => {
    expect(withoutSiteName('Tote Hummeln | Aktion Hummelschutz', 'Aktion Hummelschutz', null)).toBe('Tote Hummeln');
    expect(withoutSiteName('Hausinfo - Kondenswasser am Fenster verhindern', null, 'https://www.hausinfo.ch/x')).toBe('Kondenswasser am Fenster verhindern');
  });

  it('keeps what stands before a pipe, and leaves dashes in headlines alone', () => {
    expect(withoutSiteName('Enterprise 2.0 news | Blog | HR', null, null)).toBe('Enterprise 2.0 news');
    expect(withoutSiteName('Firefox – Weniger Werbung, mehr Speed', null, null)).toBe('Firefox – Weniger Werbung, mehr Speed');
  });
});

describe('chooseTitle', () => {
  it('takes the visible headline when a metadata title agrees with it', () => {
    expect(chooseTitle(meta({ title: 'VW-Chef Diess warnt vor Tesla', heading: 'VW-Chef warnt vor Tesla' }), null)).toBe('VW-Chef warnt vor Tesla');
    // The JSON-LD headline is a summary; the <title> agrees with the headline.
    expect(chooseTitle(meta({ title: 'constitutional monarchy in Oceania', titles: ['constitutional monarchy in Oceania', 'New Zealand - Wikipedia'], heading: 'New Zealand' }), null)).toBe('New Zealand');
  });

  it('does not take a logo in an <h1> for the headline', () => {
    expect(chooseTitle(meta({ title: 'Podcasts in Plex einbinden | Disfunctions.de', heading: 'Disfunctions.de' }), null)).toBe('Podcasts in Plex einbinden');
  });

  it('drops a kicker in front of the headline proper', () => {
    expect(chooseTitle(meta({ title: 'Margot Friedländer wird 100 Jahre', heading: '100. Geburtstag Margot Friedländer wird 100 Jahre' }), null)).toBe('Margot Friedländer wird 100 Jahre');
  });

  it('falls back on Readability’s title, then on the headline alone', () => {
    expect(chooseTitle(meta({}), 'From Readability')).toBe('From Readability');
    expect(chooseTitle(meta({ heading: 'Only a headline' }), null)).toBe('Only a headline');
    expect(chooseTitle(meta({}), null)).toBeNull();
  });
});
