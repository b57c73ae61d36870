import { describe, expect, it } from 'vitest';
import { chooseTitle, withoutSiteName } from '../../../../main/core/clip/title';

const meta = (fields: { title?: string; titles?: string[]; heading?: string; source?: string; url?: string; headlines?: string[]; documentTitle?: string }) => ({
  title: fields.title ?? null,
  titles: fields.titles ?? (fields.title ? [fields.title] : []),
  heading: fields.heading ?? null,
  source: fields.source ?? null,
  url: fields.url ?? null,
  headlines: fields.headlines ?? [],
  documentTitle: fields.documentTitle ?? null,
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

  it('cuts several site parts, a template\'s "Blog Archive", and a site named by its host\'s label', () => {
    expect(withoutSiteName('Pour la retraite | AOC media - Analyse Opinion Critique', 'AOC media - Analyse Opinion Critique', null)).toBe('Pour la retraite');
    expect(withoutSiteName('Time 4 talks » Blog Archiv » Weitere Digitalisierung', null, 'https://web.archive.org/web/2014/http://www.time4talks.com/a')).toBe('Weitere Digitalisierung');
    expect(withoutSiteName('Was ist Freie Software - MyOOS Community Forum', null, 'https://foren.myoos.de/viewtopic.php')).toBe('Was ist Freie Software');
  });

  it('cuts the site\'s name from what stands before a pipe, and knows a host by the parts of a hyphenated word', () => {
    expect(withoutSiteName('Das schwulste Musikvideo : Krimiblog-Archiv | Ermittlungen zum Verfall | Gegründet 2005', null, 'http://archiv.krimiblog.de/?p=2895')).toBe('Das schwulste Musikvideo');
  });

  it('keeps a headline that merely holds the site\'s name', () => {
    expect(withoutSiteName('Tote Hummeln unter Linden | Hummeln', 'Hummeln', null)).toBe('Tote Hummeln unter Linden');
    expect(chooseTitle(meta({ title: 'Tote Hummeln unter Linden: Die Erklärung | Hummeln', source: 'Hummeln', heading: 'Tote Hummeln unter Linden' }), null)).toBe('Tote Hummeln unter Linden');
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

  it('takes the part of the title that is one of several <h1>s, and a long <h1> over a one-word <title>', () => {
    const title = 'Zoll online - Fachmeldungen - Verkündung des Gesetzes';
    expect(chooseTitle(meta({ title, documentTitle: title, headlines: ['Zoll', 'Fachmeldungen', 'Verkündung des Gesetzes'] }), null)).toBe('Verkündung des Gesetzes');
    expect(chooseTitle(meta({ title: 'Home', documentTitle: 'Home', heading: 'Time to say goodbye.' }), null)).toBe('Time to say goodbye.');
    // A short OpenGraph title is the publisher's choice, and a logo <h1> after the last separator is the site.
    expect(chooseTitle(meta({ title: 'Home', titles: ['Home', 'Home | Site'], documentTitle: 'Home | Site', heading: 'Time to say goodbye.' }), null)).toBe('Home');
    expect(chooseTitle(meta({ title: 'Sauberer Strom | Stiftung Windenergie', heading: 'Stiftung Windenergie' }), null)).toBe('Sauberer Strom');
  });

  it('splits the title at " : " with a space before the colon, but not at a headline\'s own colon', () => {
    const title = 'So viel Regen gab es lange nicht : 31.10.2023, 10.19 Uhr';
    expect(chooseTitle(meta({ title, documentTitle: title, headlines: ['So viel Regen gab es lange nicht', 'RSS Feeds'] }), null)).toBe('So viel Regen gab es lange nicht');
    const kicker = 'Corona: So viel Regen gab es lange nicht';
    expect(chooseTitle(meta({ title: kicker, documentTitle: kicker, headlines: ['Corona', 'RSS Feeds'] }), null)).toBe(kicker);
  });

  it('takes another title of the page over a section-name title when an <h1> ends with it after a kicker', () => {
    const story = 'Impfen und Boostern ist bis Ende Februar möglich';
    const headlines = [`Medienmitteilung der Direktion: ${story}`, 'Kontakt und Auskunft'];
    expect(chooseTitle(meta({ title: 'Medienmitteilungen', titles: ['Medienmitteilungen', story], headlines }), null)).toBe(story);
    // Without an <h1> that names it, the metadata's title stands.
    expect(chooseTitle(meta({ title: 'Medienmitteilungen', titles: ['Medienmitteilungen', story], headlines: ['Kontakt und Auskunft', 'Weitere Themen hier'] }), null)).toBe('Medienmitteilungen');
  });

  it('drops a kicker in front of the headline proper', () => {
    expect(chooseTitle(meta({ title: 'Margot Friedländer wird 100 Jahre', heading: '100. Geburtstag Margot Friedländer wird 100 Jahre' }), null)).toBe('Margot Friedländer wird 100 Jahre');
  });

  it('takes the <h1> when the metadata title adds a kicker in front of it or the author behind it', () => {
    expect(chooseTitle(meta({ title: 'Siemens und die Kohlemine Adani: Kaeser verarscht Neubauer', heading: 'Kaeser verarscht Neubauer' }), null)).toBe('Kaeser verarscht Neubauer');
    expect(chooseTitle(meta({ title: 'Mandarinen-Schmand-Kuchen von jesusfreak | Chefkoch', source: 'Chefkoch.de', heading: 'Mandarinen-Schmand-Kuchen' }), null)).toBe('Mandarinen-Schmand-Kuchen');
    // A one-word <h1> that the title goes on from is a section's name, not the headline.
    expect(chooseTitle(meta({ title: 'Klimawandel: Die Alpen schmelzen', heading: 'Klimawandel' }), null)).toBe('Klimawandel: Die Alpen schmelzen');
  });

  it('takes the <h1> over a <title> that only names the site', () => {
    expect(chooseTitle(meta({ title: 'Anwalt Niemeyer', documentTitle: 'Anwalt Niemeyer', heading: 'Willkommen!', url: 'https://anwaltniemeyer.de/index.html' }), null)).toBe('Willkommen!');
  });

  it('takes an <h1> that another title agrees with over a title that agrees with neither', () => {
    const share = 'Möchtest Du The Insiders mit mir zusammen beitreten?';
    const documentTitle = 'The Insiders - Schnell aufgefrischtes Haar in jeder Situation mit dem neuen Trockenshampoo - Info';
    const headline = 'Wellaflex – Schnell aufgefrischtes Haar in jeder Situation mit dem Trockenshampoo';
    const metadata = meta({ title: share, titles: [share, documentTitle], documentTitle, headlines: [headline, 'Anwendung'], url: 'https://www.theinsidersnet.com/de-de/x' });
    expect(chooseTitle(metadata, null)).toBe(headline);
  });

  it('cuts a short last part after a dash from a <title> that is the page\'s only title, as Readability does', () => {
    const title = 'Lorem ipsum dolor sit amet – My website';
    expect(chooseTitle(meta({ title, documentTitle: title }), null)).toBe('Lorem ipsum dolor sit amet');
    // A title the publisher wrote for the article (OpenGraph) keeps its dash.
    expect(chooseTitle(meta({ title, titles: [title, `${title} | Site`], documentTitle: `${title} | Site` }), null)).toBe(title);
  });

  it('falls back on Readability’s title, then on the headline alone', () => {
    expect(chooseTitle(meta({}), 'From Readability')).toBe('From Readability');
    expect(chooseTitle(meta({ heading: 'Only a headline' }), null)).toBe('Only a headline');
    expect(chooseTitle(meta({}), null)).toBeNull();
  });
});
