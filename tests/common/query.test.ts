import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  quoteValue,
  describeQueryError,
  parseSearchQuery,
  queryTerms,
  type QueryError,
  type QueryNode,
} from '../../common/query';

// ---- builders, so expected trees read like the query ----

function term(text: string, options: { prefix?: boolean; fuzzy?: boolean; field?: 'title' } = {}): QueryNode {
  return { kind: 'term', text, prefix: options.prefix ?? false, fuzzy: options.fuzzy ?? false, field: options.field ?? null };
}
function phrase(words: string[], field: 'title' | null = null): QueryNode {
  return { kind: 'phrase', words, field };
}
function filter(field: 'tag' | 'lang' | 'url' | 'source' | 'author', value: string): QueryNode {
  return { kind: 'filter', field, value };
}
function date(field: 'published' | 'clipped', from: string | null, to: string | null): QueryNode {
  return { kind: 'date', field, from, to };
}
function and(...children: QueryNode[]): QueryNode {
  return { kind: 'and', children };
}
function or(...children: QueryNode[]): QueryNode {
  return { kind: 'or', children };
}
function not(child: QueryNode): QueryNode {
  return { kind: 'not', child };
}

/** The tree of a query that must parse. */
function tree(input: string): QueryNode | null {
  const parsed = parseSearchQuery(input);
  if (!parsed.ok) throw new Error(`expected ${JSON.stringify(input)} to parse: ${describeQueryError(input, parsed.error)}`);
  return parsed.query;
}

/** The fault of a query that must not parse. */
function fault(input: string): QueryError {
  const parsed = parseSearchQuery(input);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(input)} not to parse, got ${JSON.stringify(parsed.query)}`);
  return parsed.error;
}

describe('parseSearchQuery: words and phrases', () => {
  it('gives null for an empty or blank query', () => {
    expect(parseSearchQuery('')).toEqual({ ok: true, query: null });
    expect(parseSearchQuery(' \t\n\u00a0 ')).toEqual({ ok: true, query: null });
  });

  it('reads a single word as a term, keeping its case', () => {
    expect(tree('Lavrov')).toEqual(term('Lavrov'));
  });

  it('ANDs adjacent words, splitting at any white space', () => {
    expect(tree('  lavrov\tblinken\n geneva ')).toEqual(and(term('lavrov'), term('blinken'), term('geneva')));
  });

  it('keeps Unicode words, inner hyphens, apostrophes and dots whole', () => {
    expect(tree('Zürich re-election don’t U.S. 東京')).toEqual(
      and(term('Zürich'), term('re-election'), term('don’t'), term('U.S.'), term('東京')),
    );
  });

  it('reads "exact phrase" as a phrase split at white space', () => {
    expect(tree('"peace  talks"')).toEqual(phrase(['peace', 'talks']));
    expect(tree('"peace"')).toEqual(phrase(['peace']));
  });

  it('keeps syntax characters inside a phrase as text', () => {
    expect(tree('"a (b) -c OR d* e~"')).toEqual(phrase(['a', '(b)', '-c', 'OR', 'd*', 'e~']));
  });

  it('reads smart quotes “ ” and „ like straight ones', () => {
    expect(tree('“peace talks”')).toEqual(phrase(['peace', 'talks']));
    expect(tree('„Frieden jetzt“')).toEqual(phrase(['Frieden', 'jetzt']));
    expect(tree('tag:“new york”')).toEqual(filter('tag', 'new york'));
  });

  it('ANDs a phrase with the words around it, even with no space between', () => {
    expect(tree('lavrov "peace talks"geneva')).toEqual(and(term('lavrov'), phrase(['peace', 'talks']), term('geneva')));
  });
});

describe('parseSearchQuery: prefix and fuzzy terms', () => {
  it('reads a final * as a prefix match', () => {
    expect(tree('diplom*')).toEqual(term('diplom', { prefix: true }));
  });

  it('reads a final ~ as a fuzzy match', () => {
    expect(tree('lavrof~')).toEqual(term('lavrof', { fuzzy: true }));
  });

  it('keeps a ~ inside a word as text, as in URLs', () => {
    expect(tree('example.com/~user')).toEqual(term('example.com/~user'));
  });
});

describe('parseSearchQuery: OR, AND and precedence', () => {
  it('reads OR between two words', () => {
    expect(tree('kyiv OR kiev')).toEqual(or(term('kyiv'), term('kiev')));
  });

  it('gives a chain of ORs as one flat or', () => {
    expect(tree('a OR b OR c')).toEqual(or(term('a'), term('b'), term('c')));
  });

  it('binds implicit AND tighter than OR: a b OR c is (a b) OR c', () => {
    expect(tree('a b OR c')).toEqual(or(and(term('a'), term('b')), term('c')));
    expect(tree('a OR b c')).toEqual(or(term('a'), and(term('b'), term('c'))));
  });

  it('reads an explicit AND like the implicit one', () => {
    expect(tree('a AND b')).toEqual(and(term('a'), term('b')));
    expect(tree('a AND b OR c d')).toEqual(or(and(term('a'), term('b')), and(term('c'), term('d'))));
  });

  it('treats only upper-case OR, AND and NOT as keywords', () => {
    expect(tree('war or peace and not Or')).toEqual(
      and(term('war'), term('or'), term('peace'), term('and'), term('not'), term('Or')),
    );
  });

  it('treats a keyword with a marker or a minus as a word', () => {
    expect(tree('OR*')).toEqual(term('OR', { prefix: true }));
    expect(tree('a -OR')).toEqual(and(term('a'), not(term('OR'))));
  });

  it('recognises a keyword touching a parenthesis', () => {
    expect(tree('(a)OR(b)')).toEqual(or(term('a'), term('b')));
  });
});

describe('parseSearchQuery: parentheses', () => {
  it('groups with parentheses to override precedence', () => {
    expect(tree('a (b OR c)')).toEqual(and(term('a'), or(term('b'), term('c'))));
  });

  it('nests parentheses, keeping the groups as written', () => {
    expect(tree('(a OR (b c)) d')).toEqual(and(or(term('a'), and(term('b'), term('c'))), term('d')));
    expect(tree('((a))')).toEqual(term('a'));
  });

  it('reads parentheses glued to words as separate tokens', () => {
    expect(tree('a(b)c')).toEqual(and(term('a'), term('b'), term('c')));
  });

  it('allows nesting up to 100 deep', () => {
    expect(tree(`${'('.repeat(100)}a${')'.repeat(100)}`)).toEqual(term('a'));
  });
});

describe('parseSearchQuery: negation', () => {
  it('negates a word with -', () => {
    expect(tree('lavrov -moscow')).toEqual(and(term('lavrov'), not(term('moscow'))));
  });

  it('negates a phrase, a field filter, a date and a group with -', () => {
    expect(tree('-"peace talks"')).toEqual(not(phrase(['peace', 'talks'])));
    expect(tree('-tag:sport')).toEqual(not(filter('tag', 'sport')));
    expect(tree('-tag:"new york"')).toEqual(not(filter('tag', 'new york')));
    expect(tree('-published:2022')).toEqual(not(date('published', '2022-01-01', '2022-12-31')));
    expect(tree('-(a b)')).toEqual(not(and(term('a'), term('b'))));
  });

  it('negates with NOT, which binds to the next item only', () => {
    expect(tree('NOT a b')).toEqual(and(not(term('a')), term('b')));
    expect(tree('a NOT (b OR c)')).toEqual(and(term('a'), not(or(term('b'), term('c')))));
    expect(tree('a OR NOT b')).toEqual(or(term('a'), not(term('b'))));
  });

  it('keeps double negation as written', () => {
    expect(tree('NOT NOT a')).toEqual(not(not(term('a'))));
    expect(tree('--a')).toEqual(not(not(term('a'))));
    expect(tree('NOT -a')).toEqual(not(not(term('a'))));
  });

  it('keeps a hyphen inside a word as part of it', () => {
    expect(tree('re-election')).toEqual(term('re-election'));
  });
});

describe('parseSearchQuery: field filters', () => {
  it('reads tag: with a bare or a quoted value, keeping case and slashes', () => {
    expect(tree('tag:Ukraine/Diplomacy')).toEqual(filter('tag', 'Ukraine/Diplomacy'));
    expect(tree('tag:"new york"')).toEqual(filter('tag', 'new york'));
  });

  it('tidies the white space of a quoted value', () => {
    expect(tree('source:"  BBC   News "')).toEqual(filter('source', 'BBC News'));
  });

  it('reads author: and source: as filters', () => {
    expect(tree('author:smith source:"BBC News"')).toEqual(and(filter('author', 'smith'), filter('source', 'BBC News')));
  });

  it('lower-cases lang: values only', () => {
    expect(tree('lang:DE')).toEqual(filter('lang', 'de'));
    expect(tree('lang:"EN"')).toEqual(filter('lang', 'en'));
  });

  it('reads url: with the rest of the token, colons and all', () => {
    expect(tree('url:https://www.bbc.co.uk/news?a=1')).toEqual(filter('url', 'https://www.bbc.co.uk/news?a=1'));
  });

  it('takes filter values literally: * and ~ mean nothing there', () => {
    expect(tree('source:BBC*')).toEqual(filter('source', 'BBC*'));
    expect(tree('tag:a~')).toEqual(filter('tag', 'a~'));
  });

  it('reads title:word as a title term, with its markers', () => {
    expect(tree('title:peace')).toEqual(term('peace', { field: 'title' }));
    expect(tree('title:pea*')).toEqual(term('pea', { field: 'title', prefix: true }));
    expect(tree('title:lavrof~')).toEqual(term('lavrof', { field: 'title', fuzzy: true }));
  });

  it('reads title:"phrase" as a title phrase', () => {
    expect(tree('title:"peace talks"')).toEqual(phrase(['peace', 'talks'], 'title'));
  });

  it('reads field names without regard to case', () => {
    expect(tree('TAG:x Title:y')).toEqual(and(filter('tag', 'x'), term('y', { field: 'title' })));
  });

  it('splits only at the first colon', () => {
    expect(tree('source:a:b')).toEqual(filter('source', 'a:b'));
  });

  it('reads unknown fields, times and URLs as plain words', () => {
    expect(tree('note:x 10:00 https://x.org/a :x')).toEqual(
      and(term('note:x'), term('10:00'), term('https://x.org/a'), term(':x')),
    );
  });

  it('reads an unknown field before a quote as a word and a phrase', () => {
    expect(tree('note:"a b"')).toEqual(and(term('note:'), phrase(['a', 'b'])));
  });

  it('combines filters, words and dates in one AND', () => {
    expect(tree('lavrov tag:ukraine lang:ru published:2022')).toEqual(
      and(term('lavrov'), filter('tag', 'ukraine'), filter('lang', 'ru'), date('published', '2022-01-01', '2022-12-31')),
    );
  });
});

describe('quoteValue', () => {
  it('says any value between quotes, a quote or backslash in it escaped, and the parser reads it back whole', () => {
    expect(quoteValue('say "no"')).toBe('"say \\"no\\""');
    expect(quoteValue('the “big” story')).toBe('"the \\“big\\” story"');
    for (const tag of ['say "no"', 'the “big” story', '„Krieg“', 'a\\b', 'ends in \\', '\\"', "o'brien/«guerre»"]) {
      expect(parseSearchQuery(`tag:${quoteValue(tag)}`)).toEqual({ ok: true, query: { kind: 'filter', field: 'tag', value: tag } });
    }
  });

  it('reads any value back as the parser tidies a quoted one: white space runs as one space, none at the ends (random values)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }).filter((value) => value.trim() !== ''), (value) => {
        const tidied = value.trim().split(/\s+/u).join(' ');
        expect(parseSearchQuery(`tag:${quoteValue(value)}`)).toEqual({ ok: true, query: { kind: 'filter', field: 'tag', value: tidied } });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a backslash before anything but a quote or a backslash as it is typed', () => {
    expect(parseSearchQuery('"C:\\docs\\n"')).toEqual({ ok: true, query: { kind: 'phrase', words: ['C:\\docs\\n'], field: null } });
    expect(parseSearchQuery('"say \\"no\\" now"')).toEqual({ ok: true, query: { kind: 'phrase', words: ['say', '"no"', 'now'], field: null } });
  });
});

describe('parseSearchQuery: dates', () => {
  it('expands a year, a month and a day to inclusive bounds', () => {
    expect(tree('published:2022')).toEqual(date('published', '2022-01-01', '2022-12-31'));
    expect(tree('published:2022-01')).toEqual(date('published', '2022-01-01', '2022-01-31'));
    expect(tree('published:2022-01-21')).toEqual(date('published', '2022-01-21', '2022-01-21'));
  });

  it('ends each month on its real last day', () => {
    expect(tree('clipped:2022-04')).toEqual(date('clipped', '2022-04-01', '2022-04-30'));
    expect(tree('clipped:2022-12')).toEqual(date('clipped', '2022-12-01', '2022-12-31'));
  });

  it('ends February on the 29th in leap years, including every 400th, not every 100th', () => {
    expect(tree('published:2022-02')).toEqual(date('published', '2022-02-01', '2022-02-28'));
    expect(tree('published:2024-02')).toEqual(date('published', '2024-02-01', '2024-02-29'));
    expect(tree('published:2000-02')).toEqual(date('published', '2000-02-01', '2000-02-29'));
    expect(tree('published:1900-02')).toEqual(date('published', '1900-02-01', '1900-02-28'));
    expect(tree('published:2024-02-29')).toEqual(date('published', '2024-02-29', '2024-02-29'));
  });

  it('expands a month range from the first day of the first to the last day of the last', () => {
    expect(tree('clipped:2022-01..2022-03')).toEqual(date('clipped', '2022-01-01', '2022-03-31'));
    expect(tree('clipped:2023-12..2024-02')).toEqual(date('clipped', '2023-12-01', '2024-02-29'));
  });

  it('reads ranges of mixed precision and a one-period range', () => {
    expect(tree('published:2021..2022-06-15')).toEqual(date('published', '2021-01-01', '2022-06-15'));
    expect(tree('published:2022-02..2022-02')).toEqual(date('published', '2022-02-01', '2022-02-28'));
  });

  it('reads open ranges', () => {
    expect(tree('published:2021..')).toEqual(date('published', '2021-01-01', null));
    expect(tree('published:..2021-06')).toEqual(date('published', null, '2021-06-30'));
  });

  it('reads > as strictly after: from the next day, across month and year ends', () => {
    expect(tree('published:>2021-06-01')).toEqual(date('published', '2021-06-02', null));
    expect(tree('published:>2024-02-28')).toEqual(date('published', '2024-02-29', null));
    expect(tree('published:>2023-02-28')).toEqual(date('published', '2023-03-01', null));
    expect(tree('published:>2021-12-31')).toEqual(date('published', '2022-01-01', null));
    expect(tree('published:>2021')).toEqual(date('published', '2022-01-01', null));
    expect(tree('published:>2024-02')).toEqual(date('published', '2024-03-01', null));
  });

  it('reads >= as from the start of the period', () => {
    expect(tree('published:>=2021-06')).toEqual(date('published', '2021-06-01', null));
  });

  it('reads < as strictly before: up to the day before, across month and year ends', () => {
    expect(tree('published:<2021-06-01')).toEqual(date('published', null, '2021-05-31'));
    expect(tree('published:<2024-03-01')).toEqual(date('published', null, '2024-02-29'));
    expect(tree('published:<2022')).toEqual(date('published', null, '2021-12-31'));
  });

  it('reads <= as up to the end of the period', () => {
    expect(tree('published:<=2024-02')).toEqual(date('published', null, '2024-02-29'));
  });

  it('reads a quoted date value', () => {
    expect(tree('clipped:"2021..2022-06"')).toEqual(date('clipped', '2021-01-01', '2022-06-30'));
  });
});

describe('parseSearchQuery: faults, with message and position', () => {
  const cases: [string, QueryError][] = [
    ['"peace talks', { message: 'unclosed quote', position: 0, length: 12 }],
    ['lavrov tag:"new york', { message: 'unclosed quote', position: 11, length: 9 }],
    ['a "b" "c', { message: 'unclosed quote', position: 6, length: 2 }],
    ['(a b', { message: 'unclosed parenthesis', position: 0, length: 1 }],
    ['((a) b', { message: 'unclosed parenthesis', position: 0, length: 1 }],
    ['a (', { message: 'unclosed parenthesis', position: 2, length: 1 }],
    ['a b)', { message: 'unmatched closing parenthesis', position: 3, length: 1 }],
    [') a', { message: 'unmatched closing parenthesis', position: 0, length: 1 }],
    ['(a))', { message: 'unmatched closing parenthesis', position: 3, length: 1 }],
    ['()', { message: 'empty parentheses', position: 0, length: 2 }],
    ['a (  ) b', { message: 'empty parentheses', position: 2, length: 4 }],
    ['""', { message: 'empty quotes', position: 0, length: 2 }],
    ['a "  "', { message: 'empty quotes', position: 2, length: 4 }],
    ['tag:', { message: 'tag: needs a value', position: 0, length: 4 }],
    ['lavrov tag: ukraine', { message: 'tag: needs a value', position: 7, length: 4 }],
    ['tag:""', { message: 'tag: needs a value', position: 0, length: 6 }],
    ['title:" "', { message: 'title: needs a value', position: 0, length: 9 }],
    ['AUTHOR:', { message: 'author: needs a value', position: 0, length: 7 }],
    ['published:', { message: 'published: needs a value', position: 0, length: 10 }],
    ['OR a', { message: 'OR needs a search term on each side', position: 0, length: 2 }],
    ['a OR', { message: 'OR needs a search term on each side', position: 2, length: 2 }],
    ['a OR OR b', { message: 'OR needs a search term on each side', position: 2, length: 2 }],
    ['(a OR ) b', { message: 'OR needs a search term on each side', position: 3, length: 2 }],
    ['AND a', { message: 'AND needs a search term on each side', position: 0, length: 3 }],
    ['a AND', { message: 'AND needs a search term on each side', position: 2, length: 3 }],
    ['a AND OR b', { message: 'AND needs a search term on each side', position: 2, length: 3 }],
    ['NOT', { message: 'NOT needs something to exclude after it', position: 0, length: 3 }],
    ['a NOT', { message: 'NOT needs something to exclude after it', position: 2, length: 3 }],
    ['NOT OR a', { message: 'NOT needs something to exclude after it', position: 0, length: 3 }],
    ['(NOT) a', { message: 'NOT needs something to exclude after it', position: 1, length: 3 }],
    ['-', { message: '"-" needs something to exclude right after it', position: 0, length: 1 }],
    ['- a', { message: '"-" needs something to exclude right after it', position: 0, length: 1 }],
    ['a -', { message: '"-" needs something to exclude right after it', position: 2, length: 1 }],
    ['a - b', { message: '"-" needs something to exclude right after it', position: 2, length: 1 }],
    ['(a -)', { message: '"-" needs something to exclude right after it', position: 3, length: 1 }],
    ['*', { message: '"*" needs a word before it', position: 0, length: 1 }],
    ['a **', { message: '"*" needs a word before it', position: 3, length: 1 }],
    ['title:*', { message: '"*" needs a word before it', position: 6, length: 1 }],
    ['~', { message: '"~" needs a word before it', position: 0, length: 1 }],
    ['*~', { message: '"~" needs a word before it', position: 1, length: 1 }],
    ['foo**', { message: '"*" can only come once, at the end of a word', position: 3, length: 1 }],
    ['pe*ce', { message: '"*" can only come once, at the end of a word', position: 2, length: 1 }],
    ['*peace', { message: '"*" can only come once, at the end of a word', position: 0, length: 1 }],
    ['peace*~', { message: '"*" can only come once, at the end of a word', position: 5, length: 1 }],
    [
      'published:yesterday',
      { message: 'published: "yesterday" is not a date (write 2022, 2022-01 or 2022-01-21)', position: 10, length: 9 },
    ],
    [
      'clipped:2022-1',
      { message: 'clipped: "2022-1" is not a date (write 2022, 2022-01 or 2022-01-21)', position: 8, length: 6 },
    ],
    [
      'published:2021..2022..2023',
      { message: 'published: "2022..2023" is not a date (write 2022, 2022-01 or 2022-01-21)', position: 16, length: 10 },
    ],
    ['published:2022-13', { message: 'published: 2022-13 does not exist', position: 10, length: 7 }],
    ['published:2022-00', { message: 'published: 2022-00 does not exist', position: 10, length: 7 }],
    ['published:2022-02-30', { message: 'published: 2022-02-30 does not exist', position: 10, length: 10 }],
    ['published:2023-02-29', { message: 'published: 2023-02-29 does not exist', position: 10, length: 10 }],
    ['published:1900-02-29', { message: 'published: 1900-02-29 does not exist', position: 10, length: 10 }],
    ['published:2022-04-31', { message: 'published: 2022-04-31 does not exist', position: 10, length: 10 }],
    ['published:0000', { message: 'published: 0000 does not exist', position: 10, length: 4 }],
    ['clipped:2022-01..2022-13', { message: 'clipped: 2022-13 does not exist', position: 17, length: 7 }],
    ['published:>2022-02-30', { message: 'published: 2022-02-30 does not exist', position: 11, length: 10 }],
    [
      'published:2022-03..2022-01',
      { message: 'published: 2022-03..2022-01 ends before it starts', position: 10, length: 16 },
    ],
    ['published:..', { message: 'published: ".." needs a date on at least one side', position: 10, length: 2 }],
    ['published:>', { message: 'published: ">" needs a date after it', position: 10, length: 1 }],
    ['clipped:<=', { message: 'clipped: "<=" needs a date after it', position: 8, length: 2 }],
    ['published:>9999-12-31', { message: 'published: there are no dates after 9999-12-31', position: 10, length: 11 }],
    ['published:<0001', { message: 'published: there are no dates before 0001-01-01', position: 10, length: 5 }],
  ];

  it.each(cases)('rejects %j', (input, expected) => {
    expect(parseSearchQuery(input)).toEqual({ ok: false, error: expected });
  });

  it('reports the first fault from the left when there are several', () => {
    expect(fault('a OR ) "b')).toEqual({ message: 'unclosed quote', position: 7, length: 2 });
    expect(fault('tag: (')).toEqual({ message: 'tag: needs a value', position: 0, length: 4 });
  });

  it('refuses nesting deeper than 100 instead of overflowing the stack', () => {
    const message = 'parentheses and negations nest too deeply (at most 100)';
    expect(fault(`${'('.repeat(10_000)}a${')'.repeat(10_000)}`)).toEqual({ message, position: 100, length: 1 });
    expect(fault(`${'-'.repeat(10_000)}a`)).toEqual({ message, position: 100, length: 1 });
    expect(fault(`${'NOT '.repeat(10_000)}a`)).toEqual({ message, position: 400, length: 3 });
  });

  it('handles a very long flat query without recursion trouble', () => {
    const parsed = tree(Array.from({ length: 20_000 }, (_, i) => `w${i}`).join(' OR '));
    expect(parsed?.kind === 'or' && parsed.children).toHaveLength(20_000);
  });
});

describe('describeQueryError', () => {
  it('names the fault, its 1-based column and the query from there, cut before with …', () => {
    const input = 'lavrov "peace talks';
    expect(describeQueryError(input, fault(input))).toBe('query: unclosed quote at 8: …"peace talks');
  });

  it('gives no leading … for a fault at the start', () => {
    expect(describeQueryError('tag:', fault('tag:'))).toBe('query: tag: needs a value at 1: tag:');
  });

  it('cuts a long rest of the query after 30 characters and shows white space as one space', () => {
    const input = `a (${'b\n\n'.repeat(20)}`;
    expect(describeQueryError(input, fault(input))).toBe(`query: unclosed parenthesis at 3: …(${'b '.repeat(14)}b…`);
  });

  it('leaves out the excerpt when the fault is at the end', () => {
    expect(describeQueryError('a', { message: 'x', position: 1, length: 1 })).toBe('query: x at 2');
  });
});

describe('queryTerms', () => {
  it('gives terms and phrase words in order, stems of prefix and fuzzy terms, title terms too', () => {
    expect(queryTerms(tree('"peace talks" lavr* geneva~ title:Kyiv'))).toEqual(['peace', 'talks', 'lavr', 'geneva', 'Kyiv']);
  });

  it('leaves out negated words, filters and dates', () => {
    expect(queryTerms(tree('a -b NOT "c d" -(e f) tag:x lang:de published:2022 source:bbc'))).toEqual(['a']);
  });

  it('includes the words of every OR branch and of groups', () => {
    expect(queryTerms(tree('(a OR b) (c OR NOT d)'))).toEqual(['a', 'b', 'c']);
  });

  it('gives nothing for no query', () => {
    expect(queryTerms(null)).toEqual([]);
  });
});

describe('parseSearchQuery on random input', () => {
  /** mulberry32: a tiny seeded generator, so a failure can be replayed. */
  function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const PIECES = [
    'a', 'b', 'Zü', '東', '10', ' ', ' ', '  ', '\t', '"', '“', '”', '„', '(', ')', '-', '*', '~', ':', '.', '..',
    '>', '<', '=', 'OR', 'AND', 'NOT', 'or', 'tag:', 'title:', 'lang:', 'url:', 'source:', 'published:', 'clipped:',
    '2022', '-02', '-29', '2024-02', '..2021', '>=', '\\', "'", '’', '\u00a0', '\n',
  ];

  it('never throws on 2,000 syntax-heavy strings, and any fault lies inside the query', () => {
    const next = random(20240229);
    for (let i = 0; i < 2000; i++) {
      const length = Math.floor(next() * 16);
      let input = '';
      for (let j = 0; j < length; j++) input += PIECES[Math.floor(next() * PIECES.length)];
      let parsed;
      try {
        parsed = parseSearchQuery(input);
        if (parsed.ok) queryTerms(parsed.query);
        else describeQueryError(input, parsed.error);
      } catch (error) {
        throw new Error(`threw on ${JSON.stringify(input)}: ${String(error)}`);
      }
      if (!parsed.ok) {
        const { message, position, length: span } = parsed.error;
        expect(message, JSON.stringify(input)).not.toBe('');
        expect(position, JSON.stringify(input)).toBeGreaterThanOrEqual(0);
        expect(span, JSON.stringify(input)).toBeGreaterThanOrEqual(1);
        expect(position + span, JSON.stringify(input)).toBeLessThanOrEqual(input.length);
      } else if (input.trim() === '') {
        expect(parsed.query).toBeNull();
      }
    }
  });
});

describe('has: filters', () => {
  it('parses has:notes and has:highlights, singular or plural, in any case', () => {
    expect(parseSearchQuery('has:notes')).toEqual({ ok: true, query: { kind: 'has', what: 'notes' } });
    expect(parseSearchQuery('HAS:Highlight')).toEqual({ ok: true, query: { kind: 'has', what: 'highlights' } });
    expect(parseSearchQuery('-has:note lavrov')).toMatchObject({ ok: true, query: { kind: 'and', children: [{ kind: 'not', child: { kind: 'has', what: 'notes' } }, { kind: 'term' }] } });
  });

  it('refuses anything else, pointing at the value', () => {
    expect(parseSearchQuery('x has:tags')).toEqual({
      ok: false,
      error: { message: 'has: "tags" is not something an article can have (write has:notes or has:highlights)', position: 6, length: 4 },
    });
    expect(parseSearchQuery('has:')).toMatchObject({ ok: false, error: { message: 'has: needs a value' } });
  });
});
