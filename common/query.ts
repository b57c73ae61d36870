/**
 * The search query language (DESIGN §4), parsed where both main (to search) and the renderer
 * (to highlight what matched, and to underline a fault as the user types) can use it.
 *
 * A small hand-written tokenizer feeds a recursive-descent parser. Grammar, lowest precedence
 * first (`ws` is any Unicode white space; tokens are separated by it or by `(`, `)`, quotes):
 *
 * ```ebnf
 * query      = [ or-expr ] ;
 * or-expr    = and-expr , { "OR" , and-expr } ;
 * and-expr   = unary , { [ "AND" ] , unary } ;              (* adjacent items are ANDed *)
 * unary      = "NOT" , unary                                (* NOT, then white space *)
 *            | "-" , unary                                  (* no white space after "-" *)
 *            | primary ;
 * primary    = "(" , or-expr , ")"
 *            | phrase
 *            | field , ":" , ( phrase | bare )              (* no white space around ":" *)
 *            | word ;
 * word       = bare ;                                       (* with an optional final "*" or "~" *)
 * phrase     = quote , { any char but a quote | "\\" , ( quote | "\\" ) } , quote ;   (* quote = " “ ” „ *)
 * field      = "title" | "author" | "source" | "tag" | "lang" | "url" | "published" | "clipped" | "has" ;
 * bare       = char up to white space, "(", ")" or a quote ;
 * date-value = date | [ date ] , ".." , [ date ] | ( ">" | ">=" | "<" | "<=" ) , date ;
 * date       = YYYY | YYYY "-" MM | YYYY "-" MM "-" DD ;
 * has-value  = "notes" | "highlights" ;                     (* `has:notes`, `has:highlights` *)
 * ```
 *
 * `OR`, `AND` and `NOT` are keywords only in upper case and standing alone; `or` is a word.
 * A colon word whose field is not one of the above (`note:x`, `10:00`, `https://x`) is a word.
 * Nothing here folds case except `lang:` values: the index folds words its own way
 * (common/text.ts), and tags and metadata are compared by the library.
 *
 * The parser never throws: a query that does not parse gives a {@link QueryError} with the
 * position of the fault, so the search box can say what is wrong and where.
 */

/**
 * A metadata field a query can name.
 *
 * @example const field: QueryField = 'tag'; // as in `tag:ukraine`
 */
export type QueryField = 'title' | 'author' | 'source' | 'tag' | 'lang' | 'url' | 'has';

/**
 * A date an article carries, which `published:` and `clipped:` filter on.
 *
 * @example const field: DateField = 'clipped'; // as in `clipped:2022-01..2022-03`
 */
export type DateField = 'published' | 'clipped';

/**
 * A parsed query as a tree.
 *
 * - `term`: one word, matched as a prefix (`peace*`) or fuzzily (`peace~`) if asked; `field`
 *   limits it to the title (`title:peace`).
 * - `phrase`: words that must come together, in order (`"peace talks"`, `title:"peace talks"`).
 *   The words are split at white space only; the index cuts them further (common/text.ts).
 * - `filter`: a metadata condition. The library matches `tag` hierarchically, `author` and
 *   `source` case-insensitively as substrings, `url` as a substring; `lang` is lower-cased
 *   here. Filter values are literal: `*` and `~` mean nothing in them.
 * - `date`: inclusive bounds as `YYYY-MM-DD`, `null` for an open end.
 * - `has`: articles the user annotated: with a note (`has:notes`) or highlights (`has:highlights`).
 * - `and` / `or` have two or more children; `not` excludes what its child matches.
 *
 * @example
 * // parseSearchQuery('lavrov -tag:sport') gives
 * const node: QueryNode = {
 *   kind: 'and',
 *   children: [
 *     { kind: 'term', text: 'lavrov', prefix: false, fuzzy: false, field: null },
 *     { kind: 'not', child: { kind: 'filter', field: 'tag', value: 'sport' } },
 *   ],
 * };
 */
export type QueryNode =
  | { kind: 'term'; text: string; prefix: boolean; fuzzy: boolean; field: 'title' | 'author' | 'source' | null }
  | { kind: 'phrase'; words: string[]; field: 'title' | 'author' | 'source' | null }
  | { kind: 'filter'; field: 'tag' | 'lang' | 'url' | 'source' | 'author'; value: string }
  | { kind: 'date'; field: DateField; from: string | null; to: string | null }
  | { kind: 'has'; what: 'notes' | 'highlights' }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode };

/**
 * Why a query does not parse, and where. `position` is the 0-based offset of the fault in the
 * query (in UTF-16 code units, as string indices count) and `length` how many code units it
 * spans, so a search box can underline it. `message` names the fault without the position;
 * {@link describeQueryError} makes a one-line message with both.
 *
 * @example
 * // parseSearchQuery('tag: x') fails with
 * const error: QueryError = { message: 'tag: needs a value', position: 0, length: 4 };
 */
export interface QueryError {
  message: string;
  position: number;
  length: number;
}

/**
 * What {@link parseSearchQuery} returns: the query tree (`null` for a blank query), or the
 * fault.
 *
 * @example
 * const parsed: ParsedSearch = parseSearchQuery('(peace');
 * if (!parsed.ok) console.log(parsed.error.position); // 0
 */
export type ParsedSearch = { ok: true; query: QueryNode | null } | { ok: false; error: QueryError };

/** How deep parentheses and negations may nest: deeper input would overflow the stack. */
const MAX_NESTING = 100;

/** The quotes that open and close a phrase: typed, and as word processors and phones "smarten" them. */
const QUOTES = new Set(['"', '“', '”', '„']);

/** What a backslash inside quotes makes literal: a quote, or a backslash (`\\`). */
const ESCAPED = /[\\"“”„]/gu;

/**
 * A value between quotes, as a filter takes it (`tag:` + this): any value can be said, a
 * quote or a backslash in it escaped with a backslash.
 *
 * @example quoteValue('say "no"') // '"say \\"no\\""'
 */
export function quoteValue(value: string): string {
  return `"${value.replace(ESCAPED, (char) => `\\${char}`)}"`;
}

const WHITE_SPACE = /\s/u;

/** Every field name, with what it filters; names are read without regard to case, as before. */
const FIELDS: Record<string, QueryField | DateField> = {
  title: 'title',
  author: 'author',
  source: 'source',
  tag: 'tag',
  lang: 'lang',
  url: 'url',
  published: 'published',
  clipped: 'clipped',
  has: 'has',
};

/** What `has:` takes, singular or plural. */
const HAS_VALUES: Record<string, 'notes' | 'highlights'> = { notes: 'notes', note: 'notes', highlights: 'highlights', highlight: 'highlights' };

/**
 * Parses a search query into a tree. Never throws: a query that does not parse gives the
 * fault and its position. A blank query gives `{ ok: true, query: null }`.
 *
 * @example
 * parseSearchQuery('a b OR c');
 * // { ok: true, query: { kind: 'or', children: [
 * //   { kind: 'and', children: [ term a, term b ] }, term c ] } }
 * parseSearchQuery('published:2022-02');
 * // { ok: true, query: { kind: 'date', field: 'published', from: '2022-02-01', to: '2022-02-28' } }
 * parseSearchQuery('"peace talks');
 * // { ok: false, error: { message: 'unclosed quote', position: 0, length: 12 } }
 */
export function parseSearchQuery(input: string): ParsedSearch {
  try {
    const tokens = tokenize(input);
    if (tokens.length === 0) return { ok: true, query: null };
    return { ok: true, query: new Parser(tokens).parseQuery() };
  } catch (error) {
    // Only our own faults are caught: anything else is a bug and should be seen as one.
    if (error instanceof QuerySyntaxError) return { ok: false, error: error.fault };
    throw error;
  }
}

/**
 * The words a query looks for: every term and phrase word, in order, except those under a
 * negation (an article matched despite them, so there is nothing of them to highlight).
 * Words of OR branches are all included; prefix and fuzzy terms give their stem.
 *
 * @example
 * const parsed = parseSearchQuery('"peace talks" lavr* -moscow tag:ukraine');
 * queryTerms(parsed.ok ? parsed.query : null); // ['peace', 'talks', 'lavr']
 */
export function queryTerms(node: QueryNode | null): string[] {
  const terms: string[] = [];
  const visit = (current: QueryNode): void => {
    switch (current.kind) {
      case 'term':
        terms.push(current.text);
        break;
      case 'phrase':
        terms.push(...current.words);
        break;
      case 'and':
      case 'or':
        current.children.forEach(visit);
        break;
      case 'not':
      case 'filter':
      case 'date':
      case 'has':
        break;
    }
  };
  if (node) visit(node);
  return terms;
}

/**
 * A one-line message for a query fault: `query: <fault> at <column>: <the query from there>`.
 * The column is 1-based (the first character is column 1), unlike
 * {@link QueryError.position}; the excerpt starts at the fault, `…` marking text cut off
 * before or after it, with white space runs shown as one space.
 *
 * @example
 * const input = 'lavrov "peace talks';
 * const parsed = parseSearchQuery(input);
 * if (!parsed.ok) describeQueryError(input, parsed.error);
 * // 'query: unclosed quote at 8: …"peace talks'
 */
export function describeQueryError(input: string, error: QueryError): string {
  const EXCERPT_LENGTH = 30;
  const rest = input.slice(error.position).replace(/\s+/gu, ' ');
  const head = `query: ${error.message} at ${error.position + 1}`;
  if (rest.trim() === '') return head;
  const before = error.position > 0 ? '…' : '';
  const excerpt = rest.length > EXCERPT_LENGTH ? `${rest.slice(0, EXCERPT_LENGTH)}…` : rest;
  return `${head}: ${before}${excerpt}`;
}

// ---- faults ----

/** Thrown inside the parser to unwind to parseSearchQuery, which turns it into a result. */
class QuerySyntaxError extends Error {
  readonly fault: QueryError;

  constructor(message: string, position: number, length: number) {
    super(message);
    this.fault = { message, position, length };
  }
}

function fail(message: string, position: number, length: number): never {
  throw new QuerySyntaxError(message, position, Math.max(length, 1));
}

// ---- tokens ----

/** Positions are offsets into the query; `end` is one past the token's last character. */
type Token =
  | { type: 'lparen' | 'rparen' | 'minus'; pos: number; end: number }
  | { type: 'keyword'; word: 'OR' | 'AND' | 'NOT'; pos: number; end: number }
  | { type: 'word'; text: string; pos: number; end: number }
  /** `"…"`; `text` is what is between the quotes, which starts at `textPos`. */
  | { type: 'quoted'; text: string; textPos: number; pos: number; end: number }
  /** `field:"…"`, kept whole because `tag:"new york"` is one filter, not a word and a phrase. */
  | { type: 'field-quoted'; field: QueryField | DateField; text: string; textPos: number; pos: number; end: number };

function isSyntax(char: string): boolean {
  return char === '(' || char === ')' || QUOTES.has(char) || WHITE_SPACE.test(char);
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < input.length) {
    const char = input[pos]!;
    if (WHITE_SPACE.test(char)) {
      pos++;
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char === '(' ? 'lparen' : 'rparen', pos, end: pos + 1 });
      pos++;
    } else if (QUOTES.has(char)) {
      const quoted = readQuoted(input, pos);
      tokens.push({ type: 'quoted', ...quoted, pos });
      pos = quoted.end;
    } else if (char === '-') {
      // We only get here at the start of a token, so this `-` negates; one inside a word
      // (`re-election`) is read with the word below.
      tokens.push({ type: 'minus', pos, end: pos + 1 });
      pos++;
    } else {
      const start = pos;
      while (pos < input.length && !isSyntax(input[pos]!)) pos++;
      const text = input.slice(start, pos);
      const field = text.endsWith(':') ? FIELDS[text.slice(0, -1).toLowerCase()] : undefined;
      const previous = tokens.at(-1);
      const negated = previous?.type === 'minus' && previous.end === start;
      if (field !== undefined && pos < input.length && QUOTES.has(input[pos]!)) {
        const quoted = readQuoted(input, pos);
        tokens.push({ type: 'field-quoted', field, ...quoted, pos: start });
        pos = quoted.end;
      } else if ((text === 'OR' || text === 'AND' || text === 'NOT') && !negated) {
        tokens.push({ type: 'keyword', word: text, pos: start, end: pos });
      } else {
        // `-OR` excludes the word "OR": a keyword cannot follow a minus, so it is a word there.
        tokens.push({ type: 'word', text, pos: start, end: pos });
      }
    }
  }
  return tokens;
}

/**
 * Reads a quoted run starting at the opening quote at `pos`; any of QUOTES closes it. A
 * backslash before a quote or a backslash makes it part of the text (quoteValue writes
 * them); any other backslash is itself (`"C:\\docs"` is `C:\docs`).
 */
function readQuoted(input: string, pos: number): { text: string; textPos: number; end: number } {
  let text = '';
  let at = pos + 1;
  while (at < input.length && !QUOTES.has(input[at]!)) {
    const next = input[at + 1];
    if (input[at] === '\\' && next !== undefined && (QUOTES.has(next) || next === '\\')) {
      text += next;
      at += 2;
    } else {
      text += input[at]!;
      at += 1;
    }
  }
  if (at >= input.length) fail('unclosed quote', pos, input.length - pos);
  return { text, textPos: pos + 1, end: at + 1 };
}

// ---- parser ----

class Parser {
  private next = 0;

  constructor(private readonly tokens: Token[]) {}

  parseQuery(): QueryNode {
    const node = this.parseOr(0);
    const left = this.peek();
    // parseOr stops only at the end or at a `)` it did not open.
    if (left) fail('unmatched closing parenthesis', left.pos, 1);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.next];
  }

  private take(): Token {
    const token = this.tokens[this.next++];
    if (!token) throw new Error('query: parser read past the end'); // a bug: callers peek first
    return token;
  }

  private parseOr(depth: number): QueryNode {
    const children = [this.parseAnd(depth)];
    for (let token = this.peek(); isKeyword(token, 'OR'); token = this.peek()) {
      this.take();
      if (!canStartItem(this.peek())) fail('OR needs a search term on each side', token.pos, 2);
      children.push(this.parseAnd(depth));
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  private parseAnd(depth: number): QueryNode {
    const first = this.peek();
    if (isKeyword(first, 'OR')) fail('OR needs a search term on each side', first.pos, 2);
    if (isKeyword(first, 'AND')) fail('AND needs a search term on each side', first.pos, 3);
    if (first?.type === 'rparen') fail('unmatched closing parenthesis', first.pos, 1);
    const children = [this.parseUnary(depth)];
    for (let token = this.peek(); ; token = this.peek()) {
      if (isKeyword(token, 'AND')) {
        this.take();
        if (!canStartItem(this.peek())) fail('AND needs a search term on each side', token.pos, 3);
      } else if (!canStartItem(token)) {
        break;
      }
      children.push(this.parseUnary(depth));
    }
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }

  private parseUnary(depth: number): QueryNode {
    const token = this.take();
    const nests = token.type === 'keyword' || token.type === 'minus' || token.type === 'lparen';
    if (nests && depth >= MAX_NESTING) {
      fail(`parentheses and negations nest too deeply (at most ${MAX_NESTING})`, token.pos, token.end - token.pos);
    }
    switch (token.type) {
      case 'keyword': {
        // parseAnd lets only NOT through: OR and AND are handled around items, not as items.
        if (!canStartItem(this.peek())) fail('NOT needs something to exclude after it', token.pos, 3);
        return { kind: 'not', child: this.parseUnary(depth + 1) };
      }
      case 'minus': {
        // `- word` is more likely a dash in pasted text than a negation; say so, don't guess.
        const following = this.peek();
        if (!canStartItem(following) || following.pos !== token.end) {
          fail('"-" needs something to exclude right after it', token.pos, 1);
        }
        return { kind: 'not', child: this.parseUnary(depth + 1) };
      }
      case 'lparen': {
        const closing = this.peek();
        if (!closing) fail('unclosed parenthesis', token.pos, 1);
        if (closing.type === 'rparen') fail('empty parentheses', token.pos, closing.end - token.pos);
        const inner = this.parseOr(depth + 1);
        if (this.peek()?.type !== 'rparen') fail('unclosed parenthesis', token.pos, 1);
        this.take();
        return inner;
      }
      case 'quoted': {
        const words = splitWords(token.text);
        if (words.length === 0) fail('empty quotes', token.pos, token.end - token.pos);
        return { kind: 'phrase', words, field: null };
      }
      case 'field-quoted':
        return fieldNode(token.field, token.text, token.textPos, true, token);
      case 'word':
        return wordNode(token);
      case 'rparen':
        // canStartItem keeps `)` from getting here.
        throw new Error('query: parser took a ) as an item');
    }
  }
}

function isKeyword<W extends 'OR' | 'AND' | 'NOT'>(
  token: Token | undefined,
  word: W,
): token is { type: 'keyword'; word: W; pos: number; end: number } {
  return token?.type === 'keyword' && token.word === word;
}

/** Whether a token can begin an item of an AND: anything but OR, AND, `)` and the end. */
function canStartItem(token: Token | undefined): token is Token {
  if (!token || token.type === 'rparen') return false;
  return token.type !== 'keyword' || token.word === 'NOT';
}

function splitWords(text: string): string[] {
  return text.split(/\s+/u).filter((word) => word !== '');
}

/** A bare word: `field:value` for a known field, else a term. */
function wordNode(token: { text: string; pos: number; end: number }): QueryNode {
  const colon = token.text.indexOf(':');
  const field = colon > 0 ? FIELDS[token.text.slice(0, colon).toLowerCase()] : undefined;
  if (field === undefined) return termNode(token.text, token.pos, null);
  return fieldNode(field, token.text.slice(colon + 1), token.pos + colon + 1, false, token);
}

/**
 * The node for `field:value`. `value` starts at `valuePos`; `token` is the whole
 * `field:value`, which a missing value is reported on.
 */
function fieldNode(
  field: QueryField | DateField,
  rawValue: string,
  rawValuePos: number,
  quoted: boolean,
  token: { pos: number; end: number },
): QueryNode {
  // A quoted value is tidied as a user would read it: `tag:" new  york "` is `new york`.
  const leading = quoted ? (/^\s*/u.exec(rawValue)?.[0].length ?? 0) : 0;
  const value = quoted ? splitWords(rawValue).join(' ') : rawValue;
  const valuePos = rawValuePos + leading;
  if (value === '') fail(`${field}: needs a value`, token.pos, token.end - token.pos);
  switch (field) {
    case 'title':
      return quoted ? { kind: 'phrase', words: splitWords(value), field } : termNode(value, valuePos, field);
    case 'lang':
      return { kind: 'filter', field, value: value.toLowerCase() };
    case 'tag':
    case 'author':
    case 'source':
    case 'url':
      return { kind: 'filter', field, value };
    case 'published':
    case 'clipped':
      return { kind: 'date', field, ...parseDateValue(field, value, valuePos) };
    case 'has': {
      const what = HAS_VALUES[value.toLowerCase()];
      if (!what) fail(`has: "${value}" is not something an article can have (write has:notes or has:highlights)`, valuePos, value.length);
      return { kind: 'has', what };
    }
  }
}

/** A word as a term: a final `*` asks for a prefix match, a final `~` for a fuzzy one. */
function termNode(raw: string, pos: number, field: 'title' | null): QueryNode {
  const marker = raw.endsWith('*') ? '*' : raw.endsWith('~') ? '~' : '';
  const text = marker ? raw.slice(0, -1) : raw;
  // `*`, `**`, `~`, `*~`: a marker with no word to mark.
  if (marker && /^[*~]*$/u.test(text)) fail(`"${marker}" needs a word before it`, pos + text.length, 1);
  const star = text.indexOf('*');
  if (star >= 0) fail('"*" can only come once, at the end of a word', pos + star, 1);
  // A `~` inside a word is text: URLs have them (`example.com/~user`), and they harm nothing.
  return { kind: 'term', text, prefix: marker === '*', fuzzy: marker === '~', field };
}

// ---- dates ----

interface Span {
  from: string | null;
  to: string | null;
}

/** Reads `2022`, `2022-01..2022-03`, `..2021-06`, `>2021-06-01` and the like. */
function parseDateValue(field: DateField, value: string, pos: number): Span {
  const comparison = /^(>=|<=|>|<)/u.exec(value)?.[0];
  if (comparison !== undefined) {
    const rest = value.slice(comparison.length);
    if (rest === '') fail(`${field}: "${comparison}" needs a date after it`, pos, comparison.length);
    const period = parsePeriod(field, rest, pos + comparison.length);
    switch (comparison) {
      case '>':
        return { from: shiftDay(field, period.to, +1, pos, value.length), to: null };
      case '>=':
        return { from: period.from, to: null };
      case '<':
        return { from: null, to: shiftDay(field, period.from, -1, pos, value.length) };
      default:
        return { from: null, to: period.to };
    }
  }
  const dots = value.indexOf('..');
  if (dots < 0) return parsePeriod(field, value, pos);
  const start = value.slice(0, dots);
  const end = value.slice(dots + 2);
  if (start === '' && end === '') fail(`${field}: ".." needs a date on at least one side`, pos, 2);
  const from = start === '' ? null : parsePeriod(field, start, pos).from;
  const to = end === '' ? null : parsePeriod(field, end, pos + dots + 2).to;
  if (from !== null && to !== null && from > to) fail(`${field}: ${value} ends before it starts`, pos, value.length);
  return { from, to };
}

/** The first and last day of a year, month or day. */
function parsePeriod(field: DateField, text: string, pos: number): { from: string; to: string } {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u.exec(text);
  if (!match) fail(`${field}: "${text}" is not a date (write 2022, 2022-01 or 2022-01-21)`, pos, text.length);
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  const valid =
    year >= 1 && (month === null || (month >= 1 && month <= 12)) && (day === null || (day >= 1 && day <= daysInMonth(year, month!)));
  if (!valid) fail(`${field}: ${text} does not exist`, pos, text.length);
  if (month === null) return { from: isoDate(year, 1, 1), to: isoDate(year, 12, 31) };
  if (day === null) return { from: isoDate(year, month, 1), to: isoDate(year, month, daysInMonth(year, month)) };
  return { from: isoDate(year, month, day), to: isoDate(year, month, day) };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The day after (`step` +1) or before (-1) an ISO date. Done by hand rather than with Date,
 * which reads years below 100 as 19xx and has time zones to get wrong.
 */
function shiftDay(field: DateField, iso: string, step: 1 | -1, pos: number, length: number): string {
  let [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  day += step;
  if (day > daysInMonth(year, month)) [month, day] = [month + 1, 1];
  if (day < 1) {
    month -= 1;
    if (month < 1) [year, month] = [year - 1, 12];
    day = daysInMonth(year, month);
  }
  if (month > 12) [year, month] = [year + 1, 1];
  if (year < 1) fail(`${field}: there are no dates before 0001-01-01`, pos, length);
  if (year > 9999) fail(`${field}: there are no dates after 9999-12-31`, pos, length);
  return isoDate(year, month, day);
}
