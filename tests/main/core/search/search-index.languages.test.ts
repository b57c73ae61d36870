// Table-driven: a small library of hand-made articles in English, German, French, Russian and
// Chinese, and for each query the articles it must find (an empty list: it must find none).
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempLibrary } from '../../../temp-library';

const ARTICLES = {
  en: {
    text: 'Ceasefire talks resume\n\nThe foreign ministers met in Geneva on Friday. Sergei Lavrov and Antony Blinken spoke for two hours about the ceasefire. Talks resume in March 2022.',
    tags: ['world/europe'],
    source: 'Example Wire',
    published: '2022-01-21',
  },
  de: {
    text: 'Die Gespräche in Zürich\n\nDie Außenminister trafen sich in Zürich. Die Verhandlungen über den Waffenstillstand dauerten bis Mitternacht. Es war ein langer Abend für die Delegationen.',
    tags: ['world/europe', 'deutsch'],
    source: 'Beispiel Zeitung',
    published: '2021-12-03',
  },
  fr: {
    text: "L'élection présidentielle\n\nLe ministre a présenté son programme économique. Les électeurs se rendront aux urnes en avril. La campagne électorale commence à Paris.",
    tags: ['world/europe/france'],
    source: 'Le Quotidien',
    published: '2022-04-10',
  },
  ru: {
    text: 'Переговоры в Женеве\n\nМинистр иностранных дел Сергей Лавров встретился с госсекретарём США. Переговоры продолжались два часа. Стороны договорились продолжить диалог.',
    tags: ['world/europe'],
    source: 'Пример',
    published: '2022-01-21',
  },
  zh: {
    text: '日内瓦会谈\n\n俄罗斯外长拉夫罗夫与美国国务卿布林肯在日内瓦举行会谈。双方同意继续对话，会谈持续了两个小时。',
    tags: ['world/asia'],
    source: '新闻社',
    published: '2022-01-22',
  },
} as const;

type Name = keyof typeof ARTICLES;

const CASES: [query: string, expected: Name[]][] = [
  // words, case and diacritics folded, in each language
  ['lavrov', ['en']],
  ['LAVROV', ['en']],
  ['лавров', ['ru']],
  ['ЛАВРОВ', ['ru']],
  ['zurich', ['de']],
  ['Zürich', ['de']],
  ['election presidentielle', ['fr']],
  ['élection', ['fr']],
  ['拉夫罗夫', ['zh']],
  ['日内瓦', ['zh']],
  ['会谈', ['zh']],
  ['国务卿', ['zh']],
  ['谈会', []],
  // stop words of each article's own language are not indexed, and drop out of queries
  ['the ceasefire', ['en']],
  ['die verhandlungen', ['de']],
  ['verhandlungen', ['de']],
  // phrases
  ['"foreign ministers"', ['en']],
  ['"ministers foreign"', []],
  ['"Сергей Лавров"', ['ru']],
  ['"campagne électorale"', ['fr']],
  // OR, NOT, -word, parentheses
  ['geneva OR zurich', ['en', 'de']],
  ['geneva OR женеве OR 日内瓦', ['en', 'ru', 'zh']],
  ['talks -lavrov', []],
  ['ceasefire OR waffenstillstand', ['en', 'de']],
  ['(ceasefire OR waffenstillstand) NOT zurich', ['en']],
  // prefix and fuzzy
  ['minist*', ['en', 'fr']],
  ['électo*', ['fr']],
  ['blinkin~', ['en']],
  // fields
  ['tag:world', ['en', 'de', 'fr', 'ru', 'zh']],
  ['tag:world/europe', ['en', 'de', 'fr', 'ru']],
  ['tag:world/europe/france', ['fr']],
  ['tag:deutsch verhandlungen', ['de']],
  ['source:"le quotidien"', ['fr']],
  ['source:zeitung', ['de']],
  ['title:geneva', []],
  ['title:talks', ['en']],
  ['lang:de', ['de']],
  ['lang:zh', ['zh']],
  ['-lang:en -lang:de -lang:fr -lang:ru -lang:zh', []],
  // dates
  ['published:2022', ['en', 'fr', 'ru', 'zh']],
  ['published:2022-01', ['en', 'ru', 'zh']],
  ['published:2022-01-21', ['en', 'ru']],
  ['published:2021..2022-01-21', ['en', 'de', 'ru']],
  ['published:>2022-01-21', ['fr', 'zh']],
  ['published:<2022-01-01', ['de']],
  ['published:2023', []],
  // numbers are kept
  ['2022', ['en']],
  // things that must find nothing
  ['moscow', []],
  ['lavrov zurich', []],
];

const temp = useTempLibrary({}, 'file');
const names = new Map<string, Name>();

beforeAll(async () => {
  for (const [name, article] of Object.entries(ARTICLES) as [Name, (typeof ARTICLES)[Name]][]) {
    const added = await temp.library.addText({ ...article, tags: [...article.tags] });
    names.set(added.id, name);
  }
});

describe('search across languages, operators, fields and dates', () => {
  it('detects the language of each pasted article', () => {
    expect(Object.fromEntries(temp.library.list().map((article) => [names.get(article.id), article.lang]))).toEqual({ en: 'en', de: 'de', fr: 'fr', ru: 'ru', zh: 'zh' });
  });

  it.each(CASES)('%s', async (query, expected) => {
    // A trailing space: the last word is not read as a prefix still being typed.
    const { hits } = await temp.library.search(`${query} `, { limit: 50 });
    expect(hits.map((hit) => names.get(hit.id)).sort()).toEqual([...expected].sort());
  });
});

describe('malformed queries', () => {
  it.each([
    ['"unclosed', 'query: unclosed quote at 1: "unclosed'],
    ['tag:', 'query: tag: needs a value at 1: tag:'],
    ['published:2022-13', 'query: published: 2022-13 does not exist'],
    ['((', 'query: unclosed parenthesis'],
    ['('.repeat(10_000), 'query: parentheses and negations nest too deeply (at most 100)'],
  ])('%s gets a message, not an exception', async (query, message) => {
    await expect(temp.library.search(query)).rejects.toThrow(message);
  });

  it('a 10,000-character query of words is answered', async () => {
    const results = await temp.library.search('lavrov '.repeat(1_400).slice(0, 10_000));
    expect(results.total).toBe(1);
  });
});
