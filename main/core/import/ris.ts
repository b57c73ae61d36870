/**
 * RIS, as Zotero, EndNote and most reference managers write it: one `TAG  - value` a line,
 * each record from `TY  - ` (its type; `NEWS` for a newspaper article) to `ER  - `. Read here:
 * TI/T1 title, AU/A1 authors ("Family, Given"), PY/Y1/DA date (`YYYY/MM/DD/`), T2/JO/JF/J2
 * container, UR/L2 address, AB/N2 abstract (kept as the text), KW keywords (tags).
 */
import { CuttingsError } from '../../../common/errors';
import { foreignCandidate, type ImportCandidate } from './import-candidate';

const LINE = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/u;

/** One RIS record: each tag with its values in order. */
export type RisRecord = Map<string, string[]>;

/** True when the text starts like RIS. */
export function looksLikeRis(head: string): boolean {
  return /^\uFEFF?\s*TY {2}- /u.test(head);
}

/** Parses RIS text into records; throws naming the line of a fault. */
export function parseRis(input: string, what = 'ris'): { line: number; record: RisRecord }[] {
  const records: { line: number; record: RisRecord }[] = [];
  let current: { line: number; record: RisRecord } | null = null;
  let lastTag: string | null = null;
  const lines = input.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  for (const [i, raw] of lines.entries()) {
    const number = i + 1;
    if (raw.trim() === '') continue;
    const match = LINE.exec(raw.trimEnd());
    if (!match) {
      // A line that is no tag continues the value before it (some writers wrap long abstracts).
      if (current && lastTag) {
        const values = current.record.get(lastTag)!;
        values[values.length - 1] = `${values[values.length - 1]} ${raw.trim()}`;
        continue;
      }
      throw new CuttingsError('bad-content', `${what} line ${number}: ${JSON.stringify(raw.slice(0, 40))} is not a "TAG  - value" line`);
    }
    const tag = match[1]!;
    const value = (match[2] ?? '').trim();
    if (tag === 'TY') {
      if (current) throw new CuttingsError('bad-content', `${what} line ${number}: a new record starts before the one from line ${current.line} ended with "ER  - "`);
      current = { line: number, record: new Map([['TY', [value]]]) };
    } else if (tag === 'ER') {
      if (!current) throw new CuttingsError('bad-content', `${what} line ${number}: "ER  - " without a record`);
      records.push(current);
      current = null;
    } else {
      if (!current) throw new CuttingsError('bad-content', `${what} line ${number}: ${tag} outside a record (records start with "TY  - ")`);
      const values = current.record.get(tag) ?? [];
      values.push(value);
      current.record.set(tag, values);
    }
    lastTag = tag === 'ER' ? null : tag;
  }
  if (current) throw new CuttingsError('bad-content', `${what}: the record from line ${current.line} never ends with "ER  - "`);
  return records;
}

/** "Family, Given" → "Given Family". */
function risName(name: string): string {
  const [family, given] = name.split(',', 2).map((part) => part.trim());
  return given ? `${given} ${family}` : (family ?? '');
}

/** A RIS date (`2022/01/21/`, `2022-01-21`) as YYYY-MM-DD, when it has a day. */
export function risDate(value: string | undefined): string | null {
  const match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})/u.exec(value ?? '');
  return match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : null;
}

/** Candidates from RIS text. */
export function* readRis(input: string, what: string): Generator<ImportCandidate> {
  for (const { line, record } of parseRis(input, `import: ${what}`)) {
    const first = (...tags: string[]) => tags.map((tag) => record.get(tag)?.[0]).find((value) => value !== undefined && value !== '');
    const authors = [...(record.get('AU') ?? []), ...(record.get('A1') ?? [])].map(risName).filter(Boolean);
    yield foreignCandidate({
      label: `record at line ${line}`,
      title: first('TI', 'T1'),
      url: first('UR', 'L2'),
      text: first('AB', 'N2'),
      source: first('T2', 'JO', 'JF', 'J2'),
      author: authors.length > 0 ? authors.join(', ') : null,
      published: risDate(first('DA', 'PY', 'Y1')),
      tags: record.get('KW') ?? [],
      original: Buffer.from([...record].flatMap(([tag, values]) => values.map((value) => `${tag}  - ${value}`)).join('\n'), 'utf8'),
    });
  }
}
